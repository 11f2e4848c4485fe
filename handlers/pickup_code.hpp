#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace whistle::handlers {

/// The characters of a pickup code: digits and capitals without the look-alikes 0/O and 1/I, so
/// a code read aloud or copied from a phone by the service-center staff cannot be mistyped that way.
inline constexpr std::string_view kPickupAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/// The shortest and longest pickup code.
inline constexpr std::size_t kPickupCodeMinLength = 4;
inline constexpr std::size_t kPickupCodeMaxLength = 6;

/// A fresh random pickup code of `length` characters from kPickupAlphabet, drawn from the handlers'
/// random source (RAND_bytes on the server), starting with a letter other than T and holding at
/// least one digit, so the parser reads it as a code and never as a task number or a ticket (T5).
/// Throws std::runtime_error if the system has no randomness to give.
std::string random_pickup_code(std::size_t length);

/// A new code for which `taken` says false: 4 characters, longer only when a community has used
/// most short ones. Throws std::runtime_error if none is free even at the longest length.
std::string new_pickup_code(const std::function<bool(const std::string&)>& taken);

/// A code as typed, made comparable: ASCII letters upper-cased, spaces dropped.
std::string normalized_pickup_code(std::string_view typed);

}  // namespace whistle::handlers
