/* SPDX-License-Identifier: Apache-2.0 */
/* Bearer-token authentication over an in-memory copy of the token table (hashes only), reloaded
 * every few seconds (revocations by `tollgate token` in another process take effect within that);
 * an id not in the copy is looked up in the store at once (a new token works immediately).
 * Comparison is constant-time (tg_token_matches). */
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
static int lookup(server *s, int64_t id, tg_token_info *out, int *stale)
{
	size_t i;
	int found = 0;
	pthread_rwlock_rdlock(&s->tok_lock);
	*stale = now_s() - s->tokens_loaded_at >= RELOAD_EVERY;
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
	int stale, found;
	if (h == NULL || strncasecmp(h, "Bearer ", 7) != 0)
		return 401;
	for (tok = h + 7; *tok == ' '; tok++)
		;
	if ((id = tg_token_id(tok)) < 0)
		return 401;
	found = lookup(c->srv, id, &c->who, &stale);
	if (stale) {
		auth_invalidate(c->srv);
		found = lookup(c->srv, id, &c->who, &stale);
	}
	if (!found) {
		tg_err err = TG_ERR_INIT;
		int rc;
		/* not in the copy: one primary-key read (no write, no fsync), then a refresh if it exists */
		pthread_mutex_lock(&c->srv->store_mu);
		rc = tg_token_get(&c->who, tg_engine_store(c->srv->engine), id, &err);
		pthread_mutex_unlock(&c->srv->store_mu);
		if (rc < 0)
			return 401;
		auth_invalidate(c->srv);
	}
	return tg_token_matches(&c->who, tok) ? 0 : 401;
}
