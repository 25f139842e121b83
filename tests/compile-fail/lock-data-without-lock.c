// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: data owned by a safe mutex is written without taking it.
 * Checker: sparse
 * Expect: dereference of noderef expression
 */
#include <linux/safe/lock.h>

struct cf_dev {
	SAFE_MUTEX(count, int);
};

void cf_lock_data_without_lock(struct cf_dev *d);
void cf_lock_data_without_lock(struct cf_dev *d)
{
#if MISUSE
	d->count.data++;
#else
	scoped_safe_lock(&d->count, c)
		(*c)++;
#endif
}
