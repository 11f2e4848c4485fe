// Asio's and Beast's own compiled code (error categories, the HTTP parser, the SSL engine, the
// schedulers), built once here rather than inline in every file that includes them: whistle_bot
// defines BOOST_ASIO_SEPARATE_COMPILATION and BOOST_BEAST_SEPARATE_COMPILATION for everything
// that links it. A unit of bot/ compiles ~25% faster for it (bot/CMakeLists.txt has the numbers).
#include <boost/asio/impl/src.hpp>
#include <boost/asio/ssl/impl/src.hpp>
#include <boost/beast/src.hpp>
