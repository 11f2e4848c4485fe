#pragma once

// Namespace aliases and the nothrow completion token, after Beast's own examples. Only the
// lightweight Asio headers are included here; a file that needs Beast includes it itself, so the
// many files that include this one stay quick to compile.
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace boost::beast {}

namespace whistle::bot {

namespace asio = boost::asio;
namespace beast = boost::beast;

/// Completion token for coroutines that turns errors into values: `auto [ec, n] = co_await op(use_nothrow);`.
inline constexpr auto use_nothrow = asio::as_tuple(asio::use_awaitable);

}  // namespace whistle::bot
