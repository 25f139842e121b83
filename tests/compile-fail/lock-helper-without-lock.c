// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: a helper that needs the caller to hold a safe lock is called
 * without it.
 * Checker: clang
 * Expect: requires holding mutex
 */
#include <linux/safe/lock.h>

struct cf_dev {
	SAFE_MUTEX(count, int);
};

static void cf_bump(struct cf_dev *d) __safe_must_hold(&d->count.lock)
{
	(*safe_lock_held_data(&d->count))++;
}

void cf_lock_helper_without_lock(struct cf_dev *d);
void cf_lock_helper_without_lock(struct cf_dev *d)
{
#if MISUSE
	cf_bump(d);
#else
	scoped_safe_lock(&d->count, c)
		cf_bump(d);
#endif
}
