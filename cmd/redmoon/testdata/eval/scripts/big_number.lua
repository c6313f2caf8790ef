redis.setresp(3) return {big_number='12345678901234567890'}
