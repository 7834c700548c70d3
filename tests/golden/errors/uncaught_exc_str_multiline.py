raise KeyError('a\nb')
