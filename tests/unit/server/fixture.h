/* SPDX-License-Identifier: Apache-2.0 */
/* Shared set-up of the server tests: an engine over a fresh database, one token per role, a server,
 * and a helper that dispatches a request without sockets. */
#ifndef TG_TEST_SERVER_FIXTURE_H
#define TG_TEST_SERVER_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "server_int.h"
#include "tg_test.h"

typedef struct fx {
	tg_engine *e;
	server *s;
	char tok[TG_API_ROLE_COUNT][TG_TOKEN_MAX];
	char auth[TG_API_ROLE_COUNT][TG_TOKEN_MAX + 16];
	char dir[256];
	char db[300]; /* the database: a SQLite path, or a PostgreSQL DSN */
} fx;

static fx *fx_new(size_t max_body, const char *web_dir)
{
	fx *f = calloc(1, sizeof(*f));
	tg_engine_opts eo = TG_ENGINE_OPTS_INIT;
	server_opts so = SERVER_OPTS_INIT;
	tg_err err = TG_ERR_INIT;
	int r;
	assert_non_null(f);
	snprintf(f->dir, sizeof(f->dir), "%s", tg_test_tmpdir());
	tg_test_db(f->db, sizeof(f->db), "t.db");
	eo.db_path = f->db;
	eo.data_dir = TG_SOURCE_DIR;
	assert_int_equal(tg_engine_open(&f->e, &eo, &err), TG_OK);
	for (r = 0; r < TG_API_ROLE_COUNT; r++) {
		if (tg_token_add(f->tok[r], NULL, tg_engine_store(f->e), (tg_api_role)r, tg_api_role_name(r), &err) < 0)
			fail_msg("token add: %s", err.msg);
		snprintf(f->auth[r], sizeof(f->auth[r]), "Bearer %s", f->tok[r]);
	}
	so.engine = f->e, so.max_body = max_body, so.web_dir = web_dir;
	assert_int_equal(server_new(&f->s, &so, &err), TG_OK);
	return f;
}

static void fx_free(fx *f)
{
	server_free(f->s);
	tg_engine_free(f->e);
	free(f);
}

/* Dispatch; role < 0 = no token. Splits "path?query". Caller disposes resp. */
static int fx_req(fx *f, server_resp *resp, const char *method, const char *target, int role, const char *body)
{
	server_req rq;
	char path[512];
	const char *q = strchr(target, '?');
	memset(&rq, 0, sizeof(rq));
	snprintf(path, sizeof(path), "%.*s", q ? (int)(q - target) : (int)strlen(target), target);
	rq.method = method, rq.path = path, rq.query = q ? q + 1 : NULL;
	rq.authorization = role >= 0 ? f->auth[role] : NULL;
	rq.body = body, rq.body_len = body ? strlen(body) : 0;
	server_dispatch(f->s, &rq, resp);
	return resp->status;
}

#endif
