return {map={k={set={"v"}}}}
