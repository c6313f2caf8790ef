return redis.error_reply('MYERR bad thing')
