return {1, 'two', {3, 'four', {}}, false, true, 3.99, -7}
