return {map={a={1}, b={set={'x','y'}}, c={map={d=1,e={2,{3,4}}}}, f={{5,6},7}}}
