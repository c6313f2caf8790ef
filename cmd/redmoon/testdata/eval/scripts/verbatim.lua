return {verbatim_string={format="txt", string="hello\nworld"}}
