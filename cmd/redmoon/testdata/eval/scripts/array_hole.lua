return {1, nil, 3}
