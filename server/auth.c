/* SPDX-License-Identifier: Apache-2.0 */
/* Bearer-token authentication over an in-memory copy of the token table (hashes only), reloaded
 * every few seconds and on an unknown id, so tokens added or revoked by `tollgate token` in another
 * process take effect without a restart. Comparison is constant-time (tg_token_matches). */
#include "server_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define RELOAD_EVERY 5 /* seconds */

static long now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long)t.tv_sec;
}

int auth_load(server *s, tg_err *err)
{
	tg_token_info *v = NULL, *old;
	size_t n = 0;
	int rc;
	pthread_mutex_lock(&s->store_mu);
	rc = tg_token_list(&v, &n, tg_engine_store(s->engine), err);
	pthread_mutex_unlock(&s->store_mu);
	if (rc < 0)
		return rc;
	pthread_rwlock_wrlock(&s->tok_lock);
	old = s->tokens;
	s->tokens = v;
	s->ntokens = n;
	s->tokens_loaded_at = now_s();
	pthread_rwlock_unlock(&s->tok_lock);
	tg_token_list_free(old);
	return TG_OK;
}

void auth_invalidate(server *s)
{
	tg_err err = TG_ERR_INIT;
	auth_load(s, &err);
}

/* Copy the record of token id into out: 1 found, 0 not; *stale = the cache is due for a reload. */
static int lookup(server *s, int64_t id, tg_token_info *out, int *stale, long *age)
{
	size_t i;
	int found = 0;
	pthread_rwlock_rdlock(&s->tok_lock);
	*age = now_s() - s->tokens_loaded_at;
	*stale = *age >= RELOAD_EVERY;
	for (i = 0; i < s->ntokens && !found; i++)
		if (s->tokens[i].id == id) {
			*out = s->tokens[i];
			found = 1;
		}
	pthread_rwlock_unlock(&s->tok_lock);
	return found;
}

int auth_check(hctx *c)
{
	const char *h = c->req->authorization, *tok;
	int64_t id;
	int stale;
	long age;
	if (h == NULL || strncasecmp(h, "Bearer ", 7) != 0)
		return 401;
	for (tok = h + 7; *tok == ' '; tok++)
		;
	if ((id = tg_token_id(tok)) < 0)
		return 401;
	if (!lookup(c->srv, id, &c->who, &stale, &age) || stale) {
		/* unknown id: reload at most once a second, so bad ids cannot hammer the store */
		if (stale || age >= 1)
			auth_invalidate(c->srv);
		if (!lookup(c->srv, id, &c->who, &stale, &age))
			return 401;
	}
	return tg_token_matches(&c->who, tok) ? 0 : 401;
}
