/* SPDX-License-Identifier: Apache-2.0 */
/* Background WAL checkpointer (see sqlite_ckpt.h). */
#define _GNU_SOURCE 1 /* pthread_setname_np: the thread's name in top -H, perf and gdb */
#include "sqlite_ckpt.h"

#include <pthread.h>
#include <string.h>
#include <time.h>
#include "alloc.h"

struct tg__ckpt {
	sqlite3 *db; /* the store's connection (its WAL hook is ours) */
	pthread_mutex_t mu;
	pthread_cond_t cv;
	pthread_t thread;
	int started, failed, pending, stop;
	char path[]; /* the database file, opened again by the thread */
};

/* PASSIVE: copies what it can without blocking writers or readers; a busy result just means the next
 * signal tries again. A connection learns that the database is in WAL mode, and opens the WAL, on its
 * first read; before that sqlite3_wal_checkpoint_v2 returns SQLITE_OK having copied nothing (nLog -1),
 * so such a result reads the schema and tries once more. Returns 0 when the connection is still not
 * reading the WAL (that read failed, busy), for run() to try again shortly. */
static int checkpoint(sqlite3 *db)
{
	int nlog = -1, rc = sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_PASSIVE, &nlog, NULL);
	if (rc == SQLITE_OK && nlog < 0 &&
	    sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL) == SQLITE_OK)
		rc = sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_PASSIVE, &nlog, NULL);
	return rc != SQLITE_OK || nlog >= 0;
}

static void *run(void *arg)
{
	tg__ckpt *c = arg;
	sqlite3 *db = NULL;
	int retry = 0;
	pthread_setname_np(pthread_self(), "tg-checkpoint");
	if (sqlite3_open_v2(c->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK)
		sqlite3_busy_timeout(db, 1000);
	for (;;) {
		pthread_mutex_lock(&c->mu);
		if (retry) { /* not signalled again soon: try after 50 ms anyway */
			struct timespec until;
			clock_gettime(CLOCK_REALTIME, &until);
			until.tv_nsec += 50000000L;
			if (until.tv_nsec >= 1000000000L)
				until.tv_sec++, until.tv_nsec -= 1000000000L;
			if (!c->pending && !c->stop)
				pthread_cond_timedwait(&c->cv, &c->mu, &until);
		} else {
			while (!c->pending && !c->stop)
				pthread_cond_wait(&c->cv, &c->mu);
		}
		c->pending = 0;
		if (c->stop) {
			pthread_mutex_unlock(&c->mu);
			break;
		}
		pthread_mutex_unlock(&c->mu);
		retry = db && !checkpoint(db);
	}
	sqlite3_close(db);
	return NULL;
}

/* Called by SQLite after each commit, in the committing thread, with the WAL's size in pages. */
static int on_commit(void *arg, sqlite3 *db, const char *name, int pages)
{
	tg__ckpt *c = arg;
	int inline_ckpt = 0;
	if (pages < TG__CKPT_PAGES)
		return SQLITE_OK;
	pthread_mutex_lock(&c->mu);
	if (!c->started && !c->failed) {
		if (pthread_create(&c->thread, NULL, run, c) == 0)
			c->started = 1;
		else
			c->failed = 1;
	}
	if (c->started) {
		c->pending = 1;
		pthread_cond_signal(&c->cv);
	}
	inline_ckpt = !c->started || pages >= TG__CKPT_HARD_PAGES;
	pthread_mutex_unlock(&c->mu);
	if (inline_ckpt)
		sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	return SQLITE_OK;
}

tg__ckpt *tg__ckpt_attach(sqlite3 *db, const char *path)
{
	size_t n = strlen(path);
	tg__ckpt *c = tg__calloc(1, sizeof(*c) + n + 1);
	if (c == NULL)
		return NULL;
	if (pthread_mutex_init(&c->mu, NULL) != 0) {
		tg__free(c);
		return NULL;
	}
	if (pthread_cond_init(&c->cv, NULL) != 0) {
		pthread_mutex_destroy(&c->mu);
		tg__free(c);
		return NULL;
	}
	memcpy(c->path, path, n + 1);
	c->db = db;
	sqlite3_wal_hook(db, on_commit, c); /* replaces the automatic checkpoint */
	return c;
}

void tg__ckpt_detach(tg__ckpt *c)
{
	if (c == NULL)
		return;
	sqlite3_wal_hook(c->db, NULL, NULL);
	pthread_mutex_lock(&c->mu);
	c->stop = 1;
	pthread_cond_signal(&c->cv);
	pthread_mutex_unlock(&c->mu);
	if (c->started)
		pthread_join(c->thread, NULL);
	pthread_cond_destroy(&c->cv);
	pthread_mutex_destroy(&c->mu);
	tg__free(c);
}
