#pragma once

#include <string>

namespace whistle::testing {

/// Which certificate a TLS fake server presents.
enum class ServerCertificate {
  trusted,      ///< for IP 127.0.0.1 and DNS localhost, signed by the test CA
  self_signed,  ///< for 127.0.0.1 and localhost, but signed by its own key: no CA vouches for it
  other_host,   ///< signed by the test CA, but for DNS other-host.invalid only
};

/// A certificate and its private key, both PEM.
struct PemCredentials {
  std::string certificate;
  std::string private_key;
};

/// The credentials a fake server presents for `kind`; made once per process with fresh keys, so
/// no key or certificate is ever committed. Throws std::runtime_error when OpenSSL fails.
const PemCredentials& server_credentials(ServerCertificate kind);

/// The path of a PEM file holding the test CA's certificate, written once per process to the
/// temporary directory and removed when the process exits. Throws std::runtime_error on failure.
const std::string& test_ca_file();

}  // namespace whistle::testing
