# Writes a C++ source defining `<NAMESPACE>::<SYMBOL>` (default whistle::config::embedded, declared
# in HEADER, default config/embedded.hpp) as a std::string_view holding the bytes of INPUT, as a raw
# string literal.
#   cmake -DINPUT=<file> -DOUTPUT=<file.cpp> -DSYMBOL=<kName> -DNAME=<shown name>
#         [-DNAMESPACE=<ns> -DHEADER=<header>] -P embed_text.cmake
if(NOT NAMESPACE)
  set(NAMESPACE whistle::config::embedded)
endif()
if(NOT HEADER)
  set(HEADER config/embedded.hpp)
endif()
file(READ "${INPUT}" content)

# A raw string ends at )delimiter" — refuse a file that contains it rather than emit broken C++.
set(delimiter "whistle_tpl")
string(FIND "${content}" ")${delimiter}\"" collision)
if(NOT collision EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains ')${delimiter}\"' and cannot be embedded as a raw string")
endif()

file(WRITE "${OUTPUT}"
  "// Generated from ${NAME} by config/embed_text.cmake at build time; edit ${NAME} instead.\n"
  "#include \"${HEADER}\"\n\n"
  "namespace ${NAMESPACE} {\n\n"
  "extern const std::string_view ${SYMBOL};\n"
  "const std::string_view ${SYMBOL} = R\"${delimiter}(${content})${delimiter}\";\n\n"
  "}  // namespace ${NAMESPACE}\n")
