// SPDX-License-Identifier: GPL-2.0
/*
 * Misuse: an operation that runs concurrently writes shared state outside
 * a safe lock: a data race (threads share files; every file shares the
 * device). read, write, poll and ioctl receive the device and file states
 * const, open the device state: each write below does not build. The twin
 * changes the same state the way the contract allows, through a safe lock
 * and an atomic counter.
 * Checker: gcc
 * Misuses: 6
 * Expect: assignment of member .* in read-only object|increment of member .* in read-only object
 */
#include <linux/module.h>
#include <linux/safe/atomic.h>
#include <linux/safe/chardev.h>
#include <linux/safe/lock.h>

struct cf_dev {
	unsigned long reads;
	struct safe_atomic64 writes;
	SAFE_MUTEX(config, unsigned int);
};

struct cf_file {
	unsigned int greetings;
	SAFE_SPINLOCK(pos, unsigned int);
};

DECLARE_SAFE_CHARDEV(cf, struct cf_dev, struct cf_file);

static int cf_open(const struct cf_dev *dev, struct cf_file *file)
{
	file->greetings = 1;	/* the file is not shared yet: allowed */
#if MISUSE == 1
	dev->reads = 0;
#endif
	return 0;
}

static int cf_read(const struct cf_dev *dev, const struct cf_file *file,
		   struct safe_user_writer *to)
{
#if MISUSE == 2
	file->greetings++;
#elif MISUSE == 3
	dev->reads++;
#else
	scoped_safe_lock(&file->pos, pos)
		(*pos)++;
#endif
	return 0;
}

static int cf_write(const struct cf_dev *dev, const struct cf_file *file,
		    struct safe_user_reader *from)
{
#if MISUSE == 4
	dev->reads = 0;
#else
	safe_atomic64_inc(&dev->writes);
#endif
	return 0;
}

static long cf_ioctl(const struct cf_dev *dev, const struct cf_file *file,
		     unsigned int cmd, struct safe_ioctl_arg *arg)
{
#if MISUSE == 5
	file->greetings = cmd;
#else
	scoped_safe_lock(&dev->config, config)
		*config = cmd;
#endif
	return 0;
}

static __poll_t cf_poll(const struct cf_dev *dev, const struct cf_file *file)
{
#if MISUSE == 6
	file->greetings = 0;
#else
	safe_atomic64_inc(&dev->writes);
#endif
	return EPOLLIN;
}

static const struct cf_chardev_ops cf_ops = {
	.open = cf_open,
	.read = cf_read,
	.write = cf_write,
	.poll = cf_poll,
	.ioctl = cf_ioctl,
};

struct safe_chardev_driver cf_driver = {
	.name = "cf",
	SAFE_CHARDEV_OPS(cf, &cf_ops),
};
