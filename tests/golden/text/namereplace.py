# Golden test of the text area (str/bytes); expected output recorded from CPython 3.14.
print('é\u1234\U0001f600\ue000x'.encode('ascii', 'namereplace'))
print('\uac00\ud7a3'.encode('latin-1', 'namereplace'))
