return {{map={a=1, b={1,'x'}, c={map={d=2}}}}, true, false, redis.call('GET', 'nokey')}
