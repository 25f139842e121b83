// SPDX-License-Identifier: GPL-2.0
/*
 * classic_random: the classic-C twin of drivers/char/safe_random.c, for the
 * project's evaluation (not part of the series).
 *
 * Same device, same algorithm, same interface (nodes /dev/classic_randomN,
 * /sys/class/classic_random-control/{add,remove}, the statistics files and
 * SAFE_RANDOM_IOC_REKEY), written the way mainline character drivers are:
 * file_operations, private_data and container_of, read_iter and
 * write_iter with copy_to_iter and copy_from_iter (as drivers/char/random.c
 * serves /dev/urandom since 5.19, and as the class does), explicit locking,
 * reference counts and goto unwinding.
 * Removal under open files uses a "dead" flag under an rw_semaphore, the
 * usual hand-made counterpart of revocation.
 */

#include <crypto/blake2s.h>
#include <crypto/chacha.h>
#include <linux/atomic.h>
#include <linux/capability.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/idr.h>
#include <linux/jiffies.h>
#include <linux/kref.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/poll.h>
#include <linux/random.h>
#include <linux/rwsem.h>
#include <linux/sched/signal.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/uio.h>
#include <uapi/linux/safe_random.h>

#define CLASSIC_RANDOM_STEP		SZ_4K
#define CLASSIC_RANDOM_REKEY_BYTES	SZ_1M
#define CLASSIC_RANDOM_REKEY_INTERVAL	(60 * HZ)
#define CLASSIC_RANDOM_MAX_INSTANCES	64

static unsigned int instances = 1;
module_param(instances, uint, 0444);
MODULE_PARM_DESC(instances, "Instances created at load (default 1, at most 64)");

/* The evaluation's control: what the architecture's SIMD ChaCha buys. */
static bool generic_chacha;
module_param(generic_chacha, bool, 0644);
MODULE_PARM_DESC(generic_chacha, "Generate with the generic (non-SIMD) ChaCha20");

struct classic_random_dev {
	struct miscdevice misc;
	struct kref ref;
	struct rw_semaphore dead_sem;	/* held for reading by operations */
	bool dead;			/* set once, before dead_sem is taken for writing */
	unsigned int id;
	char name[32];
	spinlock_t seed_lock;
	u8 seed[BLAKE2S_HASH_SIZE];
	atomic64_t bytes_read;
	atomic64_t bytes_written;
	atomic64_t rekeys;
};

struct classic_random_file {
	struct classic_random_dev *dev;
	struct mutex lock;
	u32 key[CHACHA_KEY_SIZE / sizeof(u32)];
	u8 out[CLASSIC_RANDOM_STEP];	/* all zero between pieces */
	u64 since_rekey;
	unsigned long rekeyed_at;
};

static DEFINE_MUTEX(classic_random_lock);	/* the instance table */
static struct classic_random_dev *classic_random_devs[CLASSIC_RANDOM_MAX_INSTANCES];

static void classic_random_dev_free(struct kref *ref)
{
	kfree(container_of(ref, struct classic_random_dev, ref));
}

static void classic_random_key(struct classic_random_dev *dev,
			       struct classic_random_file *f)
{
	u8 fresh[CHACHA_KEY_SIZE];

	get_random_bytes(fresh, sizeof(fresh));
	spin_lock(&dev->seed_lock);
	blake2s((u8 *)f->key, fresh, dev->seed, sizeof(f->key), sizeof(fresh),
		sizeof(dev->seed));
	spin_unlock(&dev->seed_lock);
	memzero_explicit(fresh, sizeof(fresh));
	f->since_rekey = 0;
	f->rekeyed_at = jiffies;
}

static void classic_random_rekey(struct classic_random_dev *dev,
				 struct classic_random_file *f)
{
	classic_random_key(dev, f);
	atomic64_inc(&dev->rekeys);
}

static int classic_random_open(struct inode *inode, struct file *file)
{
	struct classic_random_dev *dev =
		container_of(file->private_data, struct classic_random_dev, misc);
	struct classic_random_file *f;

	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	mutex_init(&f->lock);
	f->dev = dev;
	kref_get(&dev->ref);
	classic_random_key(dev, f);
	file->private_data = f;
	return stream_open(inode, file);
}

static int classic_random_release(struct inode *inode, struct file *file)
{
	struct classic_random_file *f = file->private_data;

	kref_put(&f->dev->ref, classic_random_dev_free);
	kfree_sensitive(f);
	return 0;
}

static ssize_t classic_random_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	static const u8 iv[CHACHA_IV_SIZE];
	struct classic_random_file *f = iocb->ki_filp->private_data;
	struct classic_random_dev *dev = f->dev;
	size_t count = iov_iter_count(to);
	u32 state[CHACHA_STATE_WORDS];
	u8 key_block[CHACHA_BLOCK_SIZE];
	size_t served = 0;
	ssize_t ret = 0;

	if (!count)
		return 0;
	down_read(&dev->dead_sem);
	if (READ_ONCE(dev->dead)) {
		ret = -ENODEV;
		goto out;
	}
	if (mutex_lock_interruptible(&f->lock)) {
		ret = -ERESTARTSYS;
		goto out;
	}
	if (f->since_rekey >= CLASSIC_RANDOM_REKEY_BYTES ||
	    time_after(jiffies, f->rekeyed_at + CLASSIC_RANDOM_REKEY_INTERVAL))
		classic_random_rekey(dev, f);
	/*
	 * The block at counter 0 is the next key, made by the generic
	 * one-block function into our buffer and erased at once; the blocks
	 * after it are the read's output, XORed over the zeros of f->out a
	 * page at a time, each page erased once copied (as safe_random does).
	 */
	chacha_init(state, f->key, iv);
	chacha20_block(state, key_block);
	memcpy(f->key, key_block, CHACHA_KEY_SIZE);
	le32_to_cpu_array(f->key, ARRAY_SIZE(f->key));
	memzero_explicit(key_block, sizeof(key_block));
	f->since_rekey += count;
	while (served < count) {
		size_t len = min(count - served, (size_t)CLASSIC_RANDOM_STEP);
		size_t copied;

		if (served) {
			cond_resched();
			if (signal_pending(current) || READ_ONCE(dev->dead))
				break;
		}
		if (READ_ONCE(generic_chacha))
			chacha_crypt_generic(state, f->out, f->out, len, 20);
		else
			chacha_crypt(state, f->out, f->out, len, 20);
		copied = copy_to_iter(f->out, len, to);
		memzero_explicit(f->out, len);
		served += copied;
		if (copied != len) {
			if (!served)
				ret = -EFAULT;
			break;
		}
	}
	mutex_unlock(&f->lock);
	memzero_explicit(state, sizeof(state));
	atomic64_add(served, &dev->bytes_read);
	if (served)
		ret = served;
out:
	up_read(&dev->dead_sem);
	return ret;
}

static ssize_t classic_random_write_iter(struct kiocb *iocb,
					 struct iov_iter *from)
{
	struct classic_random_file *f = iocb->ki_filp->private_data;
	struct classic_random_dev *dev = f->dev;
	size_t done = 0;
	ssize_t ret = 0;
	u8 chunk[64];

	down_read(&dev->dead_sem);
	if (READ_ONCE(dev->dead)) {
		ret = -ENODEV;
		goto out;
	}
	while (iov_iter_count(from)) {
		size_t len = min(iov_iter_count(from), sizeof(chunk));

		if (copy_from_iter(chunk, len, from) != len) {
			if (!done)
				ret = -EFAULT;
			break;
		}
		spin_lock(&dev->seed_lock);
		blake2s(dev->seed, chunk, dev->seed, sizeof(dev->seed), len,
			sizeof(dev->seed));
		spin_unlock(&dev->seed_lock);
		atomic64_add(len, &dev->bytes_written);
		done += len;
		cond_resched();
		if (signal_pending(current) || READ_ONCE(dev->dead))
			break;
	}
	memzero_explicit(chunk, sizeof(chunk));
	if (done)
		ret = done;
out:
	up_read(&dev->dead_sem);
	return ret;
}

static __poll_t classic_random_poll(struct file *file, poll_table *wait)
{
	struct classic_random_file *f = file->private_data;
	__poll_t mask = EPOLLIN | EPOLLRDNORM | EPOLLOUT | EPOLLWRNORM;

	down_read(&f->dev->dead_sem);
	if (READ_ONCE(f->dev->dead))
		mask = EPOLLERR | EPOLLHUP;
	up_read(&f->dev->dead_sem);
	return mask;
}

static long classic_random_ioctl(struct file *file, unsigned int cmd,
				 unsigned long arg)
{
	struct classic_random_file *f = file->private_data;
	long ret = -ENOTTY;

	down_read(&f->dev->dead_sem);
	if (READ_ONCE(f->dev->dead)) {
		ret = -ENODEV;
		goto out;
	}
	if (cmd == SAFE_RANDOM_IOC_REKEY) {
		mutex_lock(&f->lock);
		classic_random_rekey(f->dev, f);
		mutex_unlock(&f->lock);
		ret = 0;
	}
out:
	up_read(&f->dev->dead_sem);
	return ret;
}

static const struct file_operations classic_random_fops = {
	.owner = THIS_MODULE,
	.open = classic_random_open,
	.release = classic_random_release,
	.read_iter = classic_random_read_iter,
	.write_iter = classic_random_write_iter,
	.poll = classic_random_poll,
	.unlocked_ioctl = classic_random_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
};

static struct classic_random_dev *to_classic_random(struct device *d)
{
	struct miscdevice *misc = dev_get_drvdata(d);

	return container_of(misc, struct classic_random_dev, misc);
}

static ssize_t bytes_read_show(struct device *d, struct device_attribute *attr,
			       char *buf)
{
	return sysfs_emit(buf, "%lld\n",
			  atomic64_read(&to_classic_random(d)->bytes_read));
}
static DEVICE_ATTR_RO(bytes_read);

static ssize_t bytes_written_show(struct device *d,
				  struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%lld\n",
			  atomic64_read(&to_classic_random(d)->bytes_written));
}
static DEVICE_ATTR_RO(bytes_written);

static ssize_t rekeys_show(struct device *d, struct device_attribute *attr,
			   char *buf)
{
	return sysfs_emit(buf, "%lld\n",
			  atomic64_read(&to_classic_random(d)->rekeys));
}
static DEVICE_ATTR_RO(rekeys);

static struct attribute *classic_random_attrs[] = {
	&dev_attr_bytes_read.attr,
	&dev_attr_bytes_written.attr,
	&dev_attr_rekeys.attr,
	NULL,
};
ATTRIBUTE_GROUPS(classic_random);

static int classic_random_add(unsigned int id)
{
	struct classic_random_dev *dev;
	int ret;

	if (id >= CLASSIC_RANDOM_MAX_INSTANCES)
		return -EINVAL;
	mutex_lock(&classic_random_lock);
	if (classic_random_devs[id]) {
		ret = -EEXIST;
		goto out_unlock;
	}
	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev) {
		ret = -ENOMEM;
		goto out_unlock;
	}
	kref_init(&dev->ref);
	init_rwsem(&dev->dead_sem);
	spin_lock_init(&dev->seed_lock);
	get_random_bytes(dev->seed, sizeof(dev->seed));
	dev->id = id;
	snprintf(dev->name, sizeof(dev->name), "classic_random%u", id);
	dev->misc.minor = MISC_DYNAMIC_MINOR;
	dev->misc.name = dev->name;
	dev->misc.mode = 0666;
	dev->misc.fops = &classic_random_fops;
	dev->misc.groups = classic_random_groups;
	ret = misc_register(&dev->misc);
	if (ret)
		goto out_free;
	classic_random_devs[id] = dev;
	mutex_unlock(&classic_random_lock);
	return 0;

out_free:
	kfree(dev);
out_unlock:
	mutex_unlock(&classic_random_lock);
	return ret;
}

static void classic_random_kill(struct classic_random_dev *dev)
{
	misc_deregister(&dev->misc);
	/* Long reads stop at their next page; then wait for operations. */
	WRITE_ONCE(dev->dead, true);
	down_write(&dev->dead_sem);
	up_write(&dev->dead_sem);
	kref_put(&dev->ref, classic_random_dev_free);
}

static int classic_random_remove(unsigned int id)
{
	struct classic_random_dev *dev;

	if (id >= CLASSIC_RANDOM_MAX_INSTANCES)
		return -ENODEV;
	mutex_lock(&classic_random_lock);
	dev = classic_random_devs[id];
	if (!dev) {
		mutex_unlock(&classic_random_lock);
		return -ENODEV;
	}
	classic_random_devs[id] = NULL;
	classic_random_kill(dev);
	mutex_unlock(&classic_random_lock);
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
	return control_store(buf, count, classic_random_add);
}
static CLASS_ATTR_WO(add);

static ssize_t remove_store(const struct class *c,
			    const struct class_attribute *a, const char *buf,
			    size_t count)
{
	return control_store(buf, count, classic_random_remove);
}
static CLASS_ATTR_WO(remove);

static struct attribute *classic_random_control_attrs[] = {
	&class_attr_add.attr,
	&class_attr_remove.attr,
	NULL,
};
ATTRIBUTE_GROUPS(classic_random_control);

static struct class classic_random_control = {
	.name = "classic_random-control",
	.class_groups = classic_random_control_groups,
};

static void classic_random_remove_all(void)
{
	unsigned int id;

	for (id = 0; id < CLASSIC_RANDOM_MAX_INSTANCES; id++)
		classic_random_remove(id);
}

static int __init classic_random_init(void)
{
	unsigned int id;
	int ret;

	if (instances > CLASSIC_RANDOM_MAX_INSTANCES)
		return -EINVAL;
	ret = class_register(&classic_random_control);
	if (ret)
		return ret;
	for (id = 0; id < instances; id++) {
		ret = classic_random_add(id);
		if (ret)
			goto err_remove;
	}
	return 0;

err_remove:
	class_unregister(&classic_random_control);
	classic_random_remove_all();
	return ret;
}
module_init(classic_random_init);

static void __exit classic_random_exit(void)
{
	class_unregister(&classic_random_control);
	classic_random_remove_all();
}
module_exit(classic_random_exit);

MODULE_DESCRIPTION("Classic-C twin of safe_random, for the evaluation");
MODULE_LICENSE("GPL");
