0; 1; 123; 0x1F; 0o17; 0b1010; 1_000_000; 0x_ff
1.5; .5; 5.; 1e10; 1E-5; 1.5e+3; 1_0.0_1
1j; 1.5J; 1e3j; 0j
"s"; 's'; """triple"""; '''t'''
b"bytes"; B'x'; rb"raw\n"; Rb'\d'; br'x'
r"raw\n"; R'\t'
u"unicode"; U'x'
"a" "b" 'c'
b"a" b"b"
"esc\n\t\\\'\"\x41\101\u00e9\U0001F600"
b"esc\n\x00\xff\7"
"line\
continued"
None; True; False; ...
[]; [1, 2, 3]; [*a, b]
(); (1,); (1, 2); (*a, b)
{}; {1: 2, **d, 3: 4}; {1, 2, *s}
123456789012345678901234567890
0xFFFFFFFFFFFFFFFFFFFF
1e400
