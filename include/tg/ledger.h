/* SPDX-License-Identifier: Apache-2.0 */
/** @file tg/ledger.h @brief placeholder */
#ifndef TG_LEDGER_H
#define TG_LEDGER_H
#endif
