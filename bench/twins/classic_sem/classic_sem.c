// SPDX-License-Identifier: GPL-2.0
/*
 * classic_sem: the classic-C twin of drivers/char/safe_sem.c, for the
 * project's evaluation (not part of the series).
 *
 * A counting semaphore as a misc device, like Rust-for-Linux's
 * rust_semaphore sample: write() of n bytes adds n to the count, read()
 * sleeps until the count is positive, takes one and returns a zero byte.
 * Same interface as safe_sem (nodes /dev/classic_semN, control files
 * /sys/class/classic_sem-control/{add,remove}, the SAFE_SEM_IOC_* numbers),
 * written the way mainline character drivers are: file_operations,
 * private_data and container_of, a spinlock and a wait queue, kref and
 * goto unwinding. Removal under open files sets a "dead" flag and wakes the
 * sleepers; the kref keeps the state alive for the files still open.
 */

#include <linux/capability.h>
#include <linux/compat.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/ioctl.h>
#include <linux/kref.h>
#include <linux/limits.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

/* include/uapi/linux/safe_sem.h's numbers: this module builds outside the tree. */
#define CLASSIC_SEM_IOC_GET_COUNT	_IOR(0xB9, 0x10, __u64)
#define CLASSIC_SEM_IOC_GET_TAKES	_IOR(0xB9, 0x11, __u64)
#define CLASSIC_SEM_IOC_POST		_IO(0xB9, 0x12)

#define CLASSIC_SEM_MAX_INSTANCES	64

static unsigned int instances = 1;
module_param(instances, uint, 0444);
MODULE_PARM_DESC(instances, "Instances created at load (default 1, at most 64)");

struct classic_sem_dev {
	struct miscdevice misc;
	struct kref ref;
	spinlock_t lock;		/* count, taking, dead, the files' takes */
	wait_queue_head_t wait;		/* readers and pollers */
	u64 count;
	u64 taking;			/* taken, the byte not yet copied out */
	bool dead;
	char name[32];
};

struct classic_sem_file {
	struct classic_sem_dev *dev;
	u64 takes;
};

static DEFINE_MUTEX(classic_sem_lock);	/* the instance table */
static struct classic_sem_dev *classic_sem_devs[CLASSIC_SEM_MAX_INSTANCES];

static void classic_sem_dev_free(struct kref *ref)
{
	kfree(container_of(ref, struct classic_sem_dev, ref));
}

static int classic_sem_open(struct inode *inode, struct file *file)
{
	struct classic_sem_dev *dev =
		container_of(file->private_data, struct classic_sem_dev, misc);
	struct classic_sem_file *f;

	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	f->dev = dev;
	kref_get(&dev->ref);
	file->private_data = f;
	return stream_open(inode, file);
}

static int classic_sem_release(struct inode *inode, struct file *file)
{
	struct classic_sem_file *f = file->private_data;

	kref_put(&f->dev->ref, classic_sem_dev_free);
	kfree(f);
	return 0;
}

/* Adds @n to the count and wakes the readers; the caller holds no lock. */
static int classic_sem_post(struct classic_sem_dev *dev, u64 n)
{
	int ret = 0;

	spin_lock(&dev->lock);
	if (dev->dead) {
		ret = -ENODEV;
	} else if (n > U64_MAX - dev->count - dev->taking) {
		/* Units being taken are still counted, so an undo cannot overflow. */
		ret = -EOVERFLOW;
	} else {
		dev->count += n;
	}
	spin_unlock(&dev->lock);
	if (!ret)
		wake_up_interruptible(&dev->wait);
	return ret;
}

/* Takes a unit if there is one: what a read waits for. */
static bool classic_sem_take(struct classic_sem_dev *dev)
{
	bool taken = false;

	spin_lock(&dev->lock);
	if (dev->count) {
		dev->count--;
		dev->taking++;
		taken = true;
	}
	spin_unlock(&dev->lock);
	return taken;
}

static ssize_t classic_sem_read(struct file *file, char __user *buf,
				size_t len, loff_t *ppos)
{
	struct classic_sem_file *f = file->private_data;
	struct classic_sem_dev *dev = f->dev;
	bool dead = false;
	int ret;

	if (!len)
		return 0;
	if (READ_ONCE(dev->dead))
		return -ENODEV;
	if (!classic_sem_take(dev)) {
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		ret = wait_event_interruptible(dev->wait,
					       (dead = READ_ONCE(dev->dead)) ||
					       classic_sem_take(dev));
		if (ret)
			return ret;
		if (dead)
			return -ENODEV;
	}

	/* Not under the lock: a fault may sleep long, and removal must not wait. */
	ret = put_user(0, buf) ? -EFAULT : 1;

	spin_lock(&dev->lock);
	dev->taking--;
	if (ret < 0)
		dev->count++;
	else
		f->takes++;
	spin_unlock(&dev->lock);
	if (ret < 0)
		wake_up_interruptible(&dev->wait);
	return ret;
}

static ssize_t classic_sem_write(struct file *file, const char __user *buf,
				 size_t len, loff_t *ppos)
{
	struct classic_sem_file *f = file->private_data;
	int ret;

	if (!len)
		return 0;
	ret = classic_sem_post(f->dev, len);
	if (ret)
		return ret;
	return len;
}

static __poll_t classic_sem_poll(struct file *file, poll_table *wait)
{
	struct classic_sem_file *f = file->private_data;
	struct classic_sem_dev *dev = f->dev;
	__poll_t mask = EPOLLOUT | EPOLLWRNORM;

	poll_wait(file, &dev->wait, wait);
	spin_lock(&dev->lock);
	if (dev->dead)
		mask = EPOLLERR | EPOLLHUP;
	else if (dev->count)
		mask |= EPOLLIN | EPOLLRDNORM;
	spin_unlock(&dev->lock);
	return mask;
}

static long classic_sem_ioctl(struct file *file, unsigned int cmd,
			      unsigned long arg)
{
	struct classic_sem_file *f = file->private_data;
	struct classic_sem_dev *dev = f->dev;
	u64 value;

	switch (cmd) {
	case CLASSIC_SEM_IOC_GET_COUNT:
	case CLASSIC_SEM_IOC_GET_TAKES:
		spin_lock(&dev->lock);
		if (dev->dead) {
			spin_unlock(&dev->lock);
			return -ENODEV;
		}
		value = cmd == CLASSIC_SEM_IOC_GET_COUNT ? dev->count : f->takes;
		spin_unlock(&dev->lock);
		return put_user(value, (u64 __user *)arg);
	case CLASSIC_SEM_IOC_POST:
		if (!arg)
			return READ_ONCE(dev->dead) ? -ENODEV : -EINVAL;
		return classic_sem_post(dev, arg);
	default:
		return READ_ONCE(dev->dead) ? -ENODEV : -ENOTTY;
	}
}

#ifdef CONFIG_COMPAT
/* POST takes an integer, the others a pointer. */
static long classic_sem_compat_ioctl(struct file *file, unsigned int cmd,
				     unsigned long arg)
{
	if (cmd != CLASSIC_SEM_IOC_POST)
		arg = (unsigned long)compat_ptr(arg);
	return classic_sem_ioctl(file, cmd, arg);
}
#else
#define classic_sem_compat_ioctl NULL
#endif

static const struct file_operations classic_sem_fops = {
	.owner = THIS_MODULE,
	.open = classic_sem_open,
	.release = classic_sem_release,
	.read = classic_sem_read,
	.write = classic_sem_write,
	.poll = classic_sem_poll,
	.unlocked_ioctl = classic_sem_ioctl,
	.compat_ioctl = classic_sem_compat_ioctl,
};

static int classic_sem_add(unsigned int id)
{
	struct classic_sem_dev *dev;
	int ret;

	if (id >= CLASSIC_SEM_MAX_INSTANCES)
		return -EINVAL;
	mutex_lock(&classic_sem_lock);
	if (classic_sem_devs[id]) {
		ret = -EEXIST;
		goto out_unlock;
	}
	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev) {
		ret = -ENOMEM;
		goto out_unlock;
	}
	kref_init(&dev->ref);
	spin_lock_init(&dev->lock);
	init_waitqueue_head(&dev->wait);
	snprintf(dev->name, sizeof(dev->name), "classic_sem%u", id);
	dev->misc.minor = MISC_DYNAMIC_MINOR;
	dev->misc.name = dev->name;
	dev->misc.mode = 0666;
	dev->misc.fops = &classic_sem_fops;
	ret = misc_register(&dev->misc);
	if (ret)
		goto out_free;
	classic_sem_devs[id] = dev;
	mutex_unlock(&classic_sem_lock);
	return 0;

out_free:
	kfree(dev);
out_unlock:
	mutex_unlock(&classic_sem_lock);
	return ret;
}

/* No new opens, then the open files see "dead" and their sleepers wake. */
static void classic_sem_kill(struct classic_sem_dev *dev)
{
	misc_deregister(&dev->misc);
	spin_lock(&dev->lock);
	WRITE_ONCE(dev->dead, true);
	spin_unlock(&dev->lock);
	wake_up_interruptible_all(&dev->wait);
	kref_put(&dev->ref, classic_sem_dev_free);
}

static int classic_sem_remove(unsigned int id)
{
	struct classic_sem_dev *dev;

	if (id >= CLASSIC_SEM_MAX_INSTANCES)
		return -ENODEV;
	mutex_lock(&classic_sem_lock);
	dev = classic_sem_devs[id];
	if (!dev) {
		mutex_unlock(&classic_sem_lock);
		return -ENODEV;
	}
	classic_sem_devs[id] = NULL;
	classic_sem_kill(dev);
	mutex_unlock(&classic_sem_lock);
	return 0;
}

static ssize_t control_store(const char *buf, size_t count,
			     int (*op)(unsigned int id))
{
	unsigned int id;
	int ret;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	ret = kstrtouint(buf, 10, &id);
	if (ret)
		return ret;
	ret = op(id);
	return ret ? ret : count;
}

static ssize_t add_store(const struct class *c, const struct class_attribute *a,
			 const char *buf, size_t count)
{
	return control_store(buf, count, classic_sem_add);
}
static CLASS_ATTR_WO(add);

static ssize_t remove_store(const struct class *c,
			    const struct class_attribute *a, const char *buf,
			    size_t count)
{
	return control_store(buf, count, classic_sem_remove);
}
static CLASS_ATTR_WO(remove);

static struct attribute *classic_sem_control_attrs[] = {
	&class_attr_add.attr,
	&class_attr_remove.attr,
	NULL,
};
ATTRIBUTE_GROUPS(classic_sem_control);

static struct class classic_sem_control = {
	.name = "classic_sem-control",
	.class_groups = classic_sem_control_groups,
};

static void classic_sem_remove_all(void)
{
	unsigned int id;

	for (id = 0; id < CLASSIC_SEM_MAX_INSTANCES; id++)
		classic_sem_remove(id);
}

static int __init classic_sem_init(void)
{
	unsigned int id;
	int ret;

	if (instances > CLASSIC_SEM_MAX_INSTANCES)
		return -EINVAL;
	ret = class_register(&classic_sem_control);
	if (ret)
		return ret;
	for (id = 0; id < instances; id++) {
		ret = classic_sem_add(id);
		if (ret)
			goto err_remove;
	}
	return 0;

err_remove:
	class_unregister(&classic_sem_control);
	classic_sem_remove_all();
	return ret;
}
module_init(classic_sem_init);

static void __exit classic_sem_exit(void)
{
	class_unregister(&classic_sem_control);
	classic_sem_remove_all();
}
module_exit(classic_sem_exit);

MODULE_DESCRIPTION("Classic-C twin of safe_sem, for the evaluation");
MODULE_LICENSE("GPL");
