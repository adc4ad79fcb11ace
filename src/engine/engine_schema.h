/* SPDX-License-Identifier: Apache-2.0 */
/* The engine's migration list (engine_schema.c). Also the documented test header of the schema: the
 * store's tests run every step through the PostgreSQL dialect and the OOM sweep. */
#ifndef TG_ENGINE_ENGINE_SCHEMA_H
#define TG_ENGINE_ENGINE_SCHEMA_H

#include <stddef.h>
#include "store.h"

/* Every module's steps in application order, terminated by {NULL, 0, NULL}. */
extern const tg__migration tg__schema_steps[];

#endif
