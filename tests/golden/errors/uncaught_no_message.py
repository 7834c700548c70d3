print('about to raise')
raise ValueError
