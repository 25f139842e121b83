// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: a safe mutex locked with a spinlock guard.
 * Checker: gcc
 * Expect: incompatible pointer type|incompatible-pointer-types
 */
#include <linux/safe/lock.h>

struct cf_dev {
	SAFE_MUTEX(count, int);
};

void cf_lock_wrong_guard(struct cf_dev *d);
void cf_lock_wrong_guard(struct cf_dev *d)
{
#ifdef MISUSE
	scoped_safe_lock(spinlock, &d->count, c)
		(*c)++;
#else
	scoped_safe_lock(mutex, &d->count, c)
		(*c)++;
#endif
}
