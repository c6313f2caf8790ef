redis.setresp(3)
return {{map={a=1, b={1,'x'}}}, {set={'p'}}, {double=3.5}, {double=0/0}, true, false, {big_number='123456789012345678901234567890'}, {map={}}, {set={}}, redis.call('HGETALL', 'nohash'), {double=1/0}, {double=-0.0}}
