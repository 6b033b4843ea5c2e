// Collects rows from many small API answers and writes them in fewer, larger staging calls.
// Flushes are serialized, and memory stays bounded by `maxRows` (plus one in-flight batch).
export class BufferedWriter<T> {
	private rows: T[] = [];
	private writing: Promise<void> = Promise.resolve();
	written = 0;

	constructor(
		private readonly write: (rows: T[]) => Promise<number>,
		private readonly maxRows = 2000,
	) {}

	async add(rows: T[]): Promise<void> {
		this.rows.push(...rows);
		if (this.rows.length >= this.maxRows) await this.flush();
	}

	flush(): Promise<void> {
		const batch = this.rows;
		this.rows = [];
		if (batch.length > 0) {
			this.writing = this.writing.then(async () => {
				this.written += await this.write(batch);
			});
		}
		return this.writing;
	}
}
