-- reads what the preload file stored
local out = {}
out[#out+1] = redis.call('GET', KEYS[1])
out[#out+1] = redis.call('HGETALL', KEYS[2])
out[#out+1] = redis.call('LRANGE', KEYS[3], 0, -1)
out[#out+1] = redis.call('ZRANGE', KEYS[4], 0, -1, 'WITHSCORES')
out[#out+1] = redis.call('TTL', KEYS[1]) > 990 and 'ttl-ok' or 'ttl-bad'
out[#out+1] = redis.call('DBSIZE')
return out
