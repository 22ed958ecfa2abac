package cn.tongban.kit.document;

/** The content store refused or failed an operation; the message says which and on what key. */
public class ContentStoreException extends RuntimeException {

    public ContentStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public ContentStoreException(String message) {
        super(message);
    }
}
