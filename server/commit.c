/* SPDX-License-Identifier: Apache-2.0 */
/* Group commit: requests that record decisions queue their orders; one thread takes everything
 * queued (same check options, up to commit_max orders), decides it in ONE transaction through
 * tg_engine_check_many (one fsync), and then wakes exactly the requests of that batch: a waiting
 * thread (committer_check) or a suspended connection (committer_submit's callback). While a commit is
 * in flight the next batch gathers, so many concurrent requests share each fsync and a 2xx still
 * means committed. */
#define _GNU_SOURCE 1 /* pthread_setname_np: the thread's name in top -H, perf and gdb */
#include "server_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct committer {
	server *s;
	size_t last[2];  /* sizes (orders) of the last two batches: an estimate of the concurrency */
	unsigned last_us; /* duration of the last commit (committer thread only) */
	pthread_mutex_t mu;
	pthread_cond_t work, done;
	commit_job *head, *tail;
	size_t nqueued;  /* orders in the queue */
	int stop;
	pthread_t th;
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

/* Decide and record a batch in one transaction; distribute the results. */
static void run_batch(committer *c, commit_job *batch, size_t total)
{
	const char **texts = malloc(total * sizeof(*texts));
	size_t *lens = malloc(total * sizeof(*lens)), k = 0, i;
	tg_check_result *res = calloc(total ? total : 1, sizeof(*res));
	tg_err err = TG_ERR_INIT;
	struct timespec t0, t1;
	double secs;
	commit_job *j;
	int rc;
	if (texts == NULL || lens == NULL || res == NULL) {
		rc = srv_fail(&err, TG_ENOMEM, NULL, "out of memory");
	} else {
		for (j = batch; j; j = j->next)
			for (i = 0; i < j->n; i++, k++)
				texts[k] = j->texts[i], lens[k] = j->lens[i];
		clock_gettime(CLOCK_MONOTONIC, &t0);
		pthread_mutex_lock(&c->s->store_mu);
		pthread_rwlock_rdlock(&c->s->scr_lock);
		tg_engine_set_actor(c->s->engine, batch->actor);
		rc = tg_engine_check_many(res, total, c->s->engine, texts, lens, &batch->opts, &err);
		pthread_rwlock_unlock(&c->s->scr_lock);
		pthread_mutex_unlock(&c->s->store_mu);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
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
	pthread_setname_np(pthread_self(), "tg-commit"); /* shows in top -H and perf */
	pthread_mutex_lock(&c->mu);
	for (;;) {
		commit_job *batch;
		size_t total;
		while (c->head == NULL && !c->stop)
			pthread_cond_wait(&c->work, &c->mu);
		if (c->head == NULL)
			break;
		gather(c);
		batch = take_batch(c, &total);
		c->last[1] = c->last[0];
		c->last[0] = total;
		pthread_mutex_unlock(&c->mu);
		run_batch(c, batch, total);
		wake_batch(c, batch);
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
	if (pthread_create(&c->th, NULL, loop, c) != 0) {
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
	pthread_cond_destroy(&c->work);
	pthread_cond_destroy(&c->done);
	pthread_mutex_destroy(&c->mu);
	free(c);
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
