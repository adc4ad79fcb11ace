/* SPDX-License-Identifier: Apache-2.0 */
/** @file tg/ship.h @brief placeholder */
#ifndef TG_SHIP_H
#define TG_SHIP_H
#endif
