return {ok='FINE'}
