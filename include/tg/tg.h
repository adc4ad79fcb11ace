/* SPDX-License-Identifier: Apache-2.0 */
/** @file tg/tg.h @brief Umbrella header of libtg, the tollgate engine. */
#ifndef TG_TG_H
#define TG_TG_H

#include "tg/common.h"
#include "tg/errors.h"
#include "tg/version.h"
#include "tg/alloc.h"
#include "tg/buf.h"
#include "tg/file.h"
#include "tg/dec.h"
#include "tg/date.h"
#include "tg/store.h"
#include "tg/catalog.h"
#include "tg/screen.h"
#include "tg/order.h"
#include "tg/policy.h"
#include "tg/decision.h"
#include "tg/engine.h"
#include "tg/token.h"
#include "tg/audit.h"
#include "tg/license.h"
#include "tg/inspect.h"
#include "tg/ship.h"
#include "tg/ledger.h"

#endif
