package cn.tongban.kit.document;

/** Content longer than the limit; nothing of it was kept. */
public class ContentTooLargeException extends RuntimeException {

    private final long limit;

    public ContentTooLargeException(long limit) {
        super("the content is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
