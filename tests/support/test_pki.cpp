#include "tests/support/test_pki.hpp"

#include <unistd.h>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <utility>
#include <vector>

namespace whistle::testing {

namespace {

struct OpenSslFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
  void operator()(X509* certificate) const { X509_free(certificate); }
  void operator()(X509_EXTENSION* extension) const { X509_EXTENSION_free(extension); }
  void operator()(BIO* bio) const { BIO_free(bio); }
};
using Key = std::unique_ptr<EVP_PKEY, OpenSslFree>;
using Certificate = std::unique_ptr<X509, OpenSslFree>;

// Valid from an hour ago (a clock set back a little while the suite runs does not make them
// "not yet valid") to a week from now (longer than any test process lives).
constexpr long kNotBeforeSeconds = -3600;
constexpr long kNotAfterSeconds = 7L * 24 * 3600;

[[noreturn]] void fail(const char* step) {
  char reason[256] = "unknown error";
  if (const unsigned long code = ERR_get_error(); code != 0) ERR_error_string_n(code, reason, sizeof reason);
  ERR_clear_error();
  throw std::runtime_error(std::string("test PKI: ") + step + ": " + reason);
}

void check(int ok, const char* step) {
  if (ok <= 0) fail(step);
}

Key new_key() {
  Key key(EVP_EC_gen("P-256"));
  if (!key) fail("EVP_EC_gen");
  return key;
}

// The issuer context lets "authorityKeyIdentifier" find the issuer's key id, and "hash" the
// subject's own public key.
void add_extension(X509* certificate, X509* issuer, int nid, const char* value) {
  X509V3_CTX context;
  X509V3_set_ctx_nodb(&context);
  X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
  const std::unique_ptr<X509_EXTENSION, OpenSslFree> extension(
      X509V3_EXT_conf_nid(nullptr, &context, nid, value));
  if (!extension) fail(OBJ_nid2sn(nid));
  check(X509_add_ext(certificate, extension.get(), -1), "X509_add_ext");
}

struct CertificateSpec {
  std::string common_name;
  long serial = 1;
  std::vector<std::pair<int, const char*>> extensions;
};

// Makes a v3 certificate for `subject_key`, signed with SHA-256 by `issuer_key`; a null `issuer`
// makes it self-signed (issuer name = subject name).
Certificate make_certificate(const CertificateSpec& spec, EVP_PKEY* subject_key, X509* issuer,
                             EVP_PKEY* issuer_key) {
  Certificate certificate(X509_new());
  if (!certificate) fail("X509_new");
  X509* cert = certificate.get();
  check(X509_set_version(cert, X509_VERSION_3), "X509_set_version");
  check(ASN1_INTEGER_set(X509_get_serialNumber(cert), spec.serial), "serial");
  if (!X509_gmtime_adj(X509_getm_notBefore(cert), kNotBeforeSeconds)) fail("notBefore");
  if (!X509_gmtime_adj(X509_getm_notAfter(cert), kNotAfterSeconds)) fail("notAfter");
  check(X509_set_pubkey(cert, subject_key), "X509_set_pubkey");
  X509_NAME* subject = X509_get_subject_name(cert);
  check(
      X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_ASC,
                                 reinterpret_cast<const unsigned char*>(spec.common_name.c_str()), -1, -1, 0),
      "subject CN");
  check(X509_set_issuer_name(cert, issuer ? X509_get_subject_name(issuer) : subject), "issuer name");
  add_extension(cert, issuer ? issuer : cert, NID_subject_key_identifier, "hash");
  // A self-signed certificate has no authority to point at.
  if (issuer) add_extension(cert, issuer, NID_authority_key_identifier, "keyid:always");
  for (const auto& [nid, value] : spec.extensions)
    add_extension(cert, issuer ? issuer : cert, nid, value);
  if (X509_sign(cert, issuer_key, EVP_sha256()) <= 0) fail("X509_sign");
  return certificate;
}

std::string certificate_pem(X509* certificate) {
  const std::unique_ptr<BIO, OpenSslFree> bio(BIO_new(BIO_s_mem()));
  if (!bio) fail("BIO_new");
  check(PEM_write_bio_X509(bio.get(), certificate), "PEM_write_bio_X509");
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(size));
}

std::string key_pem(EVP_PKEY* key) {
  const std::unique_ptr<BIO, OpenSslFree> bio(BIO_new(BIO_s_mem()));
  if (!bio) fail("BIO_new");
  check(PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr),
        "PEM_write_bio_PrivateKey");
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(size));
}

CertificateSpec leaf_spec(std::string common_name, long serial, const char* alt_names) {
  return {std::move(common_name),
          serial,
          {{NID_basic_constraints, "critical,CA:FALSE"},
           {NID_key_usage, "critical,digitalSignature"},
           {NID_ext_key_usage, "serverAuth"},
           {NID_subject_alt_name, alt_names}}};
}

// Everything the fakes need, made on first use (a function-local static: thread-safe) and kept for
// the life of the process. The CA's file is removed by the destructor at exit.
class TestPki {
 public:
  TestPki() {
    const Key ca_key = new_key();
    const CertificateSpec ca_spec{
        "Whistle Test CA",
        1,
        {{NID_basic_constraints, "critical,CA:TRUE"}, {NID_key_usage, "critical,keyCertSign,cRLSign"}}};
    const Certificate ca = make_certificate(ca_spec, ca_key.get(), nullptr, ca_key.get());

    constexpr const char* kLocalNames = "IP:127.0.0.1,DNS:localhost";
    const Key trusted_key = new_key();
    const Certificate trusted =
        make_certificate(leaf_spec("localhost", 2, kLocalNames), trusted_key.get(), ca.get(), ca_key.get());
    trusted_ = {certificate_pem(trusted.get()), key_pem(trusted_key.get())};

    const Key other_key = new_key();
    const Certificate other = make_certificate(leaf_spec("other-host.invalid", 3, "DNS:other-host.invalid"),
                                               other_key.get(), ca.get(), ca_key.get());
    other_host_ = {certificate_pem(other.get()), key_pem(other_key.get())};

    const Key self_key = new_key();
    const Certificate self =
        make_certificate(leaf_spec("localhost", 4, kLocalNames), self_key.get(), nullptr, self_key.get());
    self_signed_ = {certificate_pem(self.get()), key_pem(self_key.get())};

    // One file per process: ctest runs test cases as separate processes at once.
    ca_path_ =
        (std::filesystem::temp_directory_path() / ("whistle-test-ca-" + std::to_string(::getpid()) + ".pem"))
            .string();
    std::ofstream out(ca_path_, std::ios::binary | std::ios::trunc);
    out << certificate_pem(ca.get());
    out.close();
    if (!out) throw std::runtime_error("test PKI: cannot write " + ca_path_);
  }

  ~TestPki() {
    std::error_code ignored;
    std::filesystem::remove(ca_path_, ignored);
  }

  TestPki(const TestPki&) = delete;
  TestPki& operator=(const TestPki&) = delete;

  const PemCredentials& credentials(ServerCertificate kind) const {
    switch (kind) {
      case ServerCertificate::self_signed:
        return self_signed_;
      case ServerCertificate::other_host:
        return other_host_;
      case ServerCertificate::trusted:
        break;
    }
    return trusted_;
  }

  const std::string& ca_path() const { return ca_path_; }

 private:
  PemCredentials trusted_;
  PemCredentials other_host_;
  PemCredentials self_signed_;
  std::string ca_path_;
};

const TestPki& pki() {
  static const TestPki instance;
  return instance;
}

}  // namespace

const PemCredentials& server_credentials(ServerCertificate kind) {
  return pki().credentials(kind);
}

const std::string& test_ca_file() {
  return pki().ca_path();
}

}  // namespace whistle::testing
