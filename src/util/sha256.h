/* SPDX-License-Identifier: Apache-2.0 */
/* SHA-256 as lower-case hex (OpenSSL EVP underneath). */
#ifndef TG_UTIL_SHA256_H
#define TG_UTIL_SHA256_H

#include <stddef.h>

/* Write the 64 hex digits and a NUL into out. Returns 0, or -1 if OpenSSL failed. */
int tg__sha256_hex(char out[65], const void *data, size_t len);

/* SHA-256 of a followed by b (the audit chain: previous hash, then the entry). */
int tg__sha256_hex2(char out[65], const void *a, size_t alen, const void *b, size_t blen);

#endif
