// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: a conditional guard (mutex_try, mutex_intr, spinlock_try, ...)
 * given to scoped_safe_lock(): the block would run, with a pointer to the
 * data, even when the lock was not taken. The guard is not the caller's to
 * choose (the lock's type fixes it), so naming one does not build; the
 * conditional forms are scoped_safe_trylock() and
 * scoped_safe_lock_interruptible(), whose blocks run only when the lock
 * was taken (the twin).
 * Checker: gcc
 * Expect: passed 3 arguments, but takes just 2
 */
#include <linux/errno.h>
#include <linux/safe/lock.h>

struct cf_dev {
	SAFE_MUTEX(count, int);
};

int cf_lock_conditional(struct cf_dev *d);
int cf_lock_conditional(struct cf_dev *d)
{
#if MISUSE
	scoped_safe_lock(mutex_try, &d->count, c)
		(*c)++;
#else
	scoped_safe_trylock(&d->count, c, return -EBUSY)
		(*c)++;
#endif
	return 0;
}
