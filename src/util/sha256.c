/* SPDX-License-Identifier: Apache-2.0 */
/* One-shot SHA-256 through OpenSSL's EVP interface. The digest is fetched once per process: with
 * EVP_sha256() every EVP_Digest call fetches it again, which costs about as much as hashing an order. */
#include "util/sha256.h"

#include <openssl/evp.h>
#include <pthread.h>

static pthread_once_t g_once = PTHREAD_ONCE_INIT;
static EVP_MD *g_sha256; /* kept for the life of the process */

static void fetch_sha256(void)
{
	g_sha256 = EVP_MD_fetch(NULL, "SHA256", NULL);
}

int tg__sha256_hex(char out[65], const void *data, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0, i;
	if (pthread_once(&g_once, fetch_sha256) != 0)
		return -1;
	if (EVP_Digest(data, len, md, &n, g_sha256 ? g_sha256 : EVP_sha256(), NULL) != 1 || n != 32)
		return -1;
	for (i = 0; i < 32; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 15];
	}
	out[64] = '\0';
	return 0;
}
