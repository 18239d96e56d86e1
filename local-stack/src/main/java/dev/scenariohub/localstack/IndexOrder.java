package dev.scenariohub.localstack;

/** How the embedded store orders the keys of its unique indexes. */
public enum IndexOrder {

	/** Value by value ({@link UniqueKeyIndex}): the store's own. */
	VALUES,

	/**
	 * mongo-java-server's: H2's default order, which compares two keys by serialising
	 * both. Only a reference for {@code bench/store.sh}: a file keeps the order it was
	 * written in.
	 */
	SERIALISED

}
