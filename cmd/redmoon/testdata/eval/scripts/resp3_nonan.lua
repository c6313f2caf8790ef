redis.setresp(3)
return {{map={a=1, b={1,'x'}}}, {set={'p'}}, {double=3.5}, true, false, {map={}}, {set={}}, redis.call('HGETALL', 'nohash'), {double=1/0}, {double=-1/0}, {double=-0.0}, redis.call('GET', 'nokey')}
