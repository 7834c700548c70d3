// The Python language version pyxx implements (the reference it is checked against).
#pragma once
namespace pyxx {
constexpr int kPyMajor = 3, kPyMinor = 14, kPyMicro = 10;
constexpr long kPyHexVersion = 0x030E0AF0;  // 3.14.10 final
inline constexpr const char* kPyVersionString = "3.14.10 (pyxx) [GCC " __VERSION__ "]";
}  // namespace pyxx
