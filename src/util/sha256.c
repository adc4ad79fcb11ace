/* SPDX-License-Identifier: Apache-2.0 */
/* One-shot SHA-256 through OpenSSL's EVP interface. The digest is fetched once per process (with
 * EVP_sha256() every call fetches it again), and each thread keeps one digest context for its life
 * (EVP_Digest allocates and frees a context per call, which costs about as much as hashing an order). */
#include "sha256.h"

#include <openssl/evp.h>
#include <pthread.h>

static pthread_once_t g_once = PTHREAD_ONCE_INIT;
static EVP_MD *g_sha256;    /* kept for the life of the process */
static pthread_key_t g_key; /* this thread's EVP_MD_CTX, freed when the thread ends */
static int g_key_ok;

static void free_ctx(void *ctx)
{
	EVP_MD_CTX_free(ctx);
}

static void init_once(void)
{
	g_sha256 = EVP_MD_fetch(NULL, "SHA256", NULL);
	g_key_ok = pthread_key_create(&g_key, free_ctx) == 0;
}

/* This thread's context, created on first use; NULL when it cannot be (then hash with a fresh one). */
static EVP_MD_CTX *thread_ctx(void)
{
	EVP_MD_CTX *ctx;
	if (!g_key_ok)
		return NULL;
	if ((ctx = pthread_getspecific(g_key)) == NULL && (ctx = EVP_MD_CTX_new()) != NULL &&
	    pthread_setspecific(g_key, ctx) != 0) {
		EVP_MD_CTX_free(ctx);
		ctx = NULL;
	}
	return ctx;
}

int tg__sha256_hex2(char out[65], const void *a, size_t alen, const void *b, size_t blen)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0, i;
	const EVP_MD *alg;
	EVP_MD_CTX *ctx, *own = NULL;
	int ok;
	if (pthread_once(&g_once, init_once) != 0)
		return -1;
	alg = g_sha256 ? g_sha256 : EVP_sha256();
	if ((ctx = thread_ctx()) == NULL && (ctx = own = EVP_MD_CTX_new()) == NULL)
		return -1;
	ok = EVP_DigestInit_ex2(ctx, alg, NULL) == 1 && EVP_DigestUpdate(ctx, a, alen) == 1 &&
	     (blen == 0 || EVP_DigestUpdate(ctx, b, blen) == 1) && EVP_DigestFinal_ex(ctx, md, &n) == 1 && n == 32;
	EVP_MD_CTX_free(own);
	if (!ok)
		return -1;
	for (i = 0; i < 32; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 15];
	}
	out[64] = '\0';
	return 0;
}

int tg__sha256_hex(char out[65], const void *data, size_t len)
{
	return tg__sha256_hex2(out, data, len, NULL, 0);
}
