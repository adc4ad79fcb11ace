/* SPDX-License-Identifier: Apache-2.0 */
/* Group commit: requests that record decisions queue their orders; the committer thread takes
 * everything queued (same check options, up to commit_max orders) and decides and records it in ONE
 * transaction through tg_engine_check_many, committed without waiting for the disk (defer_sync). The
 * syncer thread then makes every batch written so far durable with one fdatasync (tg_engine_sync) and
 * only then wakes their requests: a waiting thread (committer_check) or a suspended connection
 * (committer_submit's callback). So a 2xx still means committed and on disk, and the next batch is
 * decided and written while the previous one's fsync runs (a two-stage pipeline): the commit path is
 * bounded by the CPU of deciding or by the disk, not by their sum.
 *
 * Readers that could see those rows before their fsync (the state routes) wait for it afterwards:
 * committer_seen under the store lock, committer_barrier before they answer. */
#define _GNU_SOURCE 1 /* pthread_setname_np: the thread's name in top -H, perf and gdb */
#include "server_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct committer {
	server *s;
	size_t last[2];   /* sizes (orders) of the last two batches: an estimate of the concurrency */
	unsigned last_us; /* duration of the last commit (committer thread only) */
	pthread_mutex_t mu;
	pthread_cond_t work, done, written, synced;
	commit_job *head, *tail;   /* queued: not decided yet */
	size_t nqueued;            /* orders in the queue */
	commit_job *whead, *wtail; /* committed, waiting for the syncer */
	unsigned long seq;         /* batches committed (under the server's store lock) */
	unsigned long wseq;        /* the last batch handed to the syncer */
	unsigned long dseq;        /* batches durable (or given up on: sync_failed) */
	int sync_failed;           /* an fsync failed: nothing more is acknowledged */
	tg_err sync_err;
	int stop, stop_sync;
	pthread_t th, sync_th;
};

static int same_opts(const tg_check_opts *a, const tg_check_opts *b)
{
	return a->has_as_of == b->has_as_of && (!a->has_as_of || a->as_of == b->as_of) && a->record == b->record;
}

static int same_batch(const commit_job *a, const commit_job *b)
{
	return same_opts(&a->opts, &b->opts) && strcmp(a->actor, b->actor) == 0;
}

/* Unlink from the queue the jobs that can share a commit with the first one (all of them, usually:
 * one actor and one set of options). Called with c->mu held. */
static commit_job *take_batch(committer *c, size_t *total)
{
	commit_job *first = c->head, *rest = first->next, *tail = first, **keep = &c->head;
	size_t max = c->s->opts.commit_max;
	first->next = NULL;
	c->head = c->tail = NULL;
	*total = first->n;
	while (rest) {
		commit_job *j = rest;
		rest = rest->next;
		j->next = NULL;
		if (same_batch(j, first) && *total + j->n <= max) {
			tail->next = j;
			tail = j;
			*total += j->n;
		} else {
			*keep = j;
			c->tail = j;
			keep = &j->next;
		}
	}
	c->nqueued -= *total;
	return first;
}

/* Decide and record a batch in one transaction, committed without waiting for the disk; distribute
 * the results. After a failed fsync nothing is decided any more (see syncer). */
static void run_batch(committer *c, commit_job *batch, size_t total)
{
	const char **texts = malloc(total * sizeof(*texts));
	size_t *lens = malloc(total * sizeof(*lens)), k = 0, i;
	tg_check_result *res = calloc(total ? total : 1, sizeof(*res));
	tg_check_opts opts = batch->opts;
	tg_err err = TG_ERR_INIT;
	struct timespec t0;
	double secs;
	commit_job *j;
	int rc, failed;
	pthread_mutex_lock(&c->mu);
	failed = c->sync_failed;
	if (failed)
		err = c->sync_err;
	pthread_mutex_unlock(&c->mu);
	opts.version = TG_CHECK_OPTS_VERSION;
	opts.defer_sync = 1;
	if (failed) {
		rc = err.code;
	} else if (texts == NULL || lens == NULL || res == NULL) {
		rc = srv_fail(&err, TG_ENOMEM, NULL, "out of memory");
	} else {
		for (j = batch; j; j = j->next)
			for (i = 0; i < j->n; i++, k++)
				texts[k] = j->texts[i], lens[k] = j->lens[i];
		clock_gettime(CLOCK_MONOTONIC, &t0);
		pthread_mutex_lock(&c->s->store_mu);
		pthread_rwlock_rdlock(&c->s->scr_lock);
		tg_engine_set_actor(c->s->engine, batch->actor);
		rc = tg_engine_check_many(res, total, c->s->engine, texts, lens, &opts, &err);
		c->seq++; /* under the store lock: whoever reads the store next sees this batch */
		pthread_rwlock_unlock(&c->s->scr_lock);
		pthread_mutex_unlock(&c->s->store_mu);
		secs = srv_since(&t0);
		c->last_us = secs < 1 ? (unsigned)(secs * 1e6) : 1000000u;
		metrics_batch(&c->s->m, total, secs);
	}
	for (j = batch, k = 0; j; j = j->next) {
		j->rc = rc;
		j->err = err;
		for (i = 0; i < j->n; i++, k++)
			if (res)
				j->res[i] = res[k];
	}
	free(texts);
	free(lens);
	free(res);
}

/* Clients that were just answered come back within a round trip. When several requests are queued
 * but fewer than the recent concurrency, wait for the rest, so that the batches do not split into
 * two half-size groups that alternate: with closed-loop clients two halves give n/2 orders per commit
 * time T, one whole group n per T + wait, which is more whenever the wait is shorter than T. So the
 * wait is up to the last commit's duration, at least gather_us and at most 8 x gather_us. A lone
 * client (one queued request) never waits; gather_us 0 turns waiting off. Called with c->mu held. */
static void gather(committer *c)
{
	size_t want = c->last[0] + c->last[1], have = c->nqueued;
	struct timespec until;
	unsigned us = c->s->opts.gather_us;
	if (us == 0 || have < 2 || have >= want)
		return;
	if (c->last_us > us)
		us = c->last_us < 8 * us ? c->last_us : 8 * us;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += us / 1000000u;
	until.tv_nsec += (long)(us % 1000000u) * 1000L;
	if (until.tv_nsec >= 1000000000L)
		until.tv_sec++, until.tv_nsec -= 1000000000L;
	while (!c->stop && c->nqueued < want && c->nqueued < c->s->opts.commit_max)
		if (pthread_cond_timedwait(&c->work, &c->mu, &until) == ETIMEDOUT)
			break;
}

/* Wake the jobs of a finished batch: threads in committer_check by one broadcast (only if there is
 * one), suspended requests by their callback, outside c->mu. A job may be freed as soon as it is
 * woken, so nothing touches it afterwards. */
static void wake_batch(committer *c, commit_job *batch)
{
	commit_job *j, *next, *async = NULL, *sync = NULL;
	for (j = batch; j; j = next) {
		next = j->next;
		if (j->wake) {
			j->next = async;
			async = j;
		} else {
			j->next = sync;
			sync = j;
		}
	}
	if (sync) {
		pthread_mutex_lock(&c->mu);
		for (j = sync; j; j = next) {
			next = j->next;
			j->done = 1;
		}
		pthread_cond_broadcast(&c->done);
		pthread_mutex_unlock(&c->mu);
	}
	for (j = async; j; j = next) {
		next = j->next;
		j->wake(j->payload);
	}
}

static void *loop(void *arg)
{
	committer *c = arg;
	pthread_setname_np(pthread_self(), "tg-commit");
	pthread_mutex_lock(&c->mu);
	for (;;) {
		commit_job *batch, *last;
		size_t total;
		while (c->head == NULL && !c->stop)
			pthread_cond_wait(&c->work, &c->mu);
		if (c->head == NULL)
			break;
		/* At most one batch waits for the disk while the next is written: running further ahead
		 * would only split the queue into more, smaller transactions (more pages written per order). */
		while (c->wseq - c->dseq >= 2)
			pthread_cond_wait(&c->synced, &c->mu);
		gather(c);
		batch = take_batch(c, &total);
		c->last[1] = c->last[0];
		c->last[0] = total;
		pthread_mutex_unlock(&c->mu);
		run_batch(c, batch, total);
		for (last = batch; last->next; last = last->next)
			;
		pthread_mutex_lock(&c->mu);
		if (c->wtail)
			c->wtail->next = batch;
		else
			c->whead = batch;
		c->wtail = last;
		c->wseq = c->seq;
		pthread_cond_signal(&c->written);
	}
	pthread_mutex_unlock(&c->mu);
	return NULL;
}

/* Mark the jobs of a chain whose fsync failed; they get the failure instead of their results. */
static void fail_chain(commit_job *chain, const tg_err *err)
{
	commit_job *j;
	size_t i;
	for (j = chain; j; j = j->next) {
		if (j->rc < 0)
			continue;
		for (i = 0; i < j->n; i++)
			tg_check_result_dispose(&j->res[i]);
		j->rc = err->code;
		j->err = *err;
	}
}

/* The second stage: one fdatasync for everything written so far, then the wake-ups. A failed fsync
 * leaves the WAL's state on disk unknown (Linux may drop the dirty pages), so from then on nothing is
 * decided or acknowledged: the requests get a 500 and the operator restarts the server, which
 * recovers from the WAL as after a crash. */
static void *syncer(void *arg)
{
	committer *c = arg;
	pthread_setname_np(pthread_self(), "tg-sync");
	pthread_mutex_lock(&c->mu);
	for (;;) {
		commit_job *chain, *j;
		unsigned long upto;
		struct timespec t0;
		tg_err err = TG_ERR_INIT;
		int rc = TG_OK, any = 0;
		while (c->whead == NULL && !c->stop_sync)
			pthread_cond_wait(&c->written, &c->mu);
		if (c->whead == NULL)
			break;
		chain = c->whead;
		c->whead = c->wtail = NULL;
		upto = c->wseq;
		pthread_mutex_unlock(&c->mu);
		for (j = chain; j && !any; j = j->next)
			any = j->rc >= 0;
		if (any) {
			clock_gettime(CLOCK_MONOTONIC, &t0);
			rc = tg_engine_sync(c->s->engine, &err);
			metrics_sync(&c->s->m, srv_since(&t0));
		}
		if (rc < 0) {
			fprintf(stderr, "tollgate: %s; recorded checks are refused until a restart\n", err.msg);
			srv_fail(&err, TG_EIO, NULL, "storage failure: the decisions could not be made durable");
			fail_chain(chain, &err);
		}
		pthread_mutex_lock(&c->mu);
		if (rc < 0 && !c->sync_failed) {
			c->sync_failed = 1;
			c->sync_err = err;
		}
		c->dseq = upto;
		pthread_cond_broadcast(&c->synced);
		pthread_mutex_unlock(&c->mu);
		wake_batch(c, chain);
		pthread_mutex_lock(&c->mu);
	}
	pthread_mutex_unlock(&c->mu);
	return NULL;
}

int committer_start(committer **out, server *s, tg_err *err)
{
	committer *c = calloc(1, sizeof(*c));
	if (c == NULL)
		return srv_fail(err, TG_ENOMEM, NULL, "out of memory");
	c->s = s;
	pthread_mutex_init(&c->mu, NULL);
	pthread_cond_init(&c->work, NULL);
	pthread_cond_init(&c->done, NULL);
	pthread_cond_init(&c->written, NULL);
	pthread_cond_init(&c->synced, NULL);
	if (pthread_create(&c->sync_th, NULL, syncer, c) != 0) {
		free(c);
		return srv_fail(err, TG_EINTERNAL, NULL, "cannot start the syncer thread");
	}
	if (pthread_create(&c->th, NULL, loop, c) != 0) {
		pthread_mutex_lock(&c->mu);
		c->stop_sync = 1;
		pthread_cond_signal(&c->written);
		pthread_mutex_unlock(&c->mu);
		pthread_join(c->sync_th, NULL);
		free(c);
		return srv_fail(err, TG_EINTERNAL, NULL, "cannot start the committer thread");
	}
	*out = c;
	return TG_OK;
}

void committer_stop(committer *c)
{
	if (c == NULL)
		return;
	pthread_mutex_lock(&c->mu);
	c->stop = 1;
	pthread_cond_signal(&c->work);
	pthread_mutex_unlock(&c->mu);
	pthread_join(c->th, NULL); /* drains what is queued first */
	pthread_mutex_lock(&c->mu);
	c->stop_sync = 1;
	pthread_cond_signal(&c->written);
	pthread_mutex_unlock(&c->mu);
	pthread_join(c->sync_th, NULL); /* then syncs and wakes what was written */
	pthread_cond_destroy(&c->work);
	pthread_cond_destroy(&c->done);
	pthread_cond_destroy(&c->written);
	pthread_cond_destroy(&c->synced);
	pthread_mutex_destroy(&c->mu);
	free(c);
}

unsigned long committer_seen(const committer *c)
{
	return c ? c->seq : 0;
}

void committer_barrier(committer *c, unsigned long seq)
{
	if (c == NULL)
		return;
	pthread_mutex_lock(&c->mu);
	while (c->dseq < seq)
		pthread_cond_wait(&c->synced, &c->mu);
	pthread_mutex_unlock(&c->mu);
}

void committer_submit(committer *c, commit_job *j)
{
	j->rc = 0;
	j->done = 0;
	j->next = NULL;
	if (j->actor == NULL)
		j->actor = "";
	pthread_mutex_lock(&c->mu);
	if (c->tail)
		c->tail->next = j;
	else
		c->head = j;
	c->tail = j;
	c->nqueued += j->n;
	pthread_cond_signal(&c->work);
	pthread_mutex_unlock(&c->mu);
}

int committer_check(committer *c, tg_check_result *res, size_t n, const char *const *texts, const size_t *lens,
		    const tg_check_opts *opts, const char *actor, tg_err *err)
{
	commit_job j;
	memset(&j, 0, sizeof(j));
	j.res = res, j.n = n, j.texts = texts, j.lens = lens, j.opts = *opts, j.actor = actor;
	committer_submit(c, &j);
	pthread_mutex_lock(&c->mu);
	while (!j.done)
		pthread_cond_wait(&c->done, &c->mu);
	pthread_mutex_unlock(&c->mu);
	if (j.rc < 0 && err)
		*err = j.err;
	return j.rc;
}
