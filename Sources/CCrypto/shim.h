// OpenSSL's SHA-256 (Debian libssl-dev), which uses the CPU's SHA
// instructions where there are some. The SHA256_* calls are deprecated in
// OpenSSL 3 in favour of EVP, whose per-call set-up costs more than hashing
// a notice; they stay in Debian's libcrypto.
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wdeprecated-declarations"
#include <openssl/sha.h>

typedef SHA256_CTX gongkai_sha256_ctx;

static inline void gongkai_sha256_init(gongkai_sha256_ctx *c) { SHA256_Init(c); }
static inline void gongkai_sha256_update(gongkai_sha256_ctx *c, const void *data, size_t n) { SHA256_Update(c, data, n); }
static inline void gongkai_sha256_final(gongkai_sha256_ctx *c, unsigned char out[32]) { SHA256_Final(out, c); }
#pragma clang diagnostic pop
