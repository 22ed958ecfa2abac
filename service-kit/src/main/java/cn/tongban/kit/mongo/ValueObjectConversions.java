package cn.tongban.kit.mongo;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.CreditCode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import cn.tongban.contracts.ServiceItem;
import java.time.YearMonth;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Value objects are stored as plain values: codes and numbers as strings, money as a long of fen,
 * months as {@code 2026-11}. Documents stay readable and queryable by other tools.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
public class ValueObjectConversions {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return conversions();
    }

    /** The conversions, for code that builds its own MongoTemplate (tools, tests). */
    public static MongoCustomConversions conversions() {
        return new MongoCustomConversions(List.of(
                new IdentityNumberWriter(), new IdentityNumberReader(),
                new CenterCodeWriter(), new CenterCodeReader(),
                new CaseIdWriter(), new CaseIdReader(),
                new CreditCodeWriter(), new CreditCodeReader(),
                new MoneyWriter(), new MoneyReader(),
                new YearMonthWriter(), new YearMonthReader(),
                new ServiceItemWriter(), new ServiceItemReader()));
    }

    @WritingConverter
    static final class IdentityNumberWriter implements Converter<IdentityNumber, String> {
        public String convert(IdentityNumber source) {
            return source.value();
        }
    }

    @ReadingConverter
    static final class IdentityNumberReader implements Converter<String, IdentityNumber> {
        public IdentityNumber convert(String source) {
            return IdentityNumber.of(source);
        }
    }

    @WritingConverter
    static final class CenterCodeWriter implements Converter<CenterCode, String> {
        public String convert(CenterCode source) {
            return source.value();
        }
    }

    @ReadingConverter
    static final class CenterCodeReader implements Converter<String, CenterCode> {
        public CenterCode convert(String source) {
            return CenterCode.of(source);
        }
    }

    @WritingConverter
    static final class CaseIdWriter implements Converter<CaseId, String> {
        public String convert(CaseId source) {
            return source.value();
        }
    }

    @ReadingConverter
    static final class CaseIdReader implements Converter<String, CaseId> {
        public CaseId convert(String source) {
            return CaseId.of(source);
        }
    }

    @WritingConverter
    static final class CreditCodeWriter implements Converter<CreditCode, String> {
        public String convert(CreditCode source) {
            return source.value();
        }
    }

    /** Read back leniently: a stored pilot-area code whose check character fails is legal and must not throw. */
    @ReadingConverter
    static final class CreditCodeReader implements Converter<String, CreditCode> {
        public CreditCode convert(String source) {
            return CreditCode.lenient(source);
        }
    }

    @WritingConverter
    static final class MoneyWriter implements Converter<Money, Long> {
        public Long convert(Money source) {
            return source.fen();
        }
    }

    @ReadingConverter
    static final class MoneyReader implements Converter<Long, Money> {
        public Money convert(Long source) {
            return Money.ofFen(source);
        }
    }

    @WritingConverter
    static final class YearMonthWriter implements Converter<YearMonth, String> {
        public String convert(YearMonth source) {
            return source.toString();
        }
    }

    @ReadingConverter
    static final class YearMonthReader implements Converter<String, YearMonth> {
        public YearMonth convert(String source) {
            return YearMonth.parse(source);
        }
    }

    /** An item is stored under its constant name, as it was while it was an enum. */
    @WritingConverter
    static final class ServiceItemWriter implements Converter<ServiceItem, String> {
        public String convert(ServiceItem source) {
            return source.name();
        }
    }

    /** Reads the constant name, or an item code. */
    @ReadingConverter
    static final class ServiceItemReader implements Converter<String, ServiceItem> {
        public ServiceItem convert(String source) {
            return source.length() == 2 ? ServiceItem.ofCode(source) : ServiceItem.valueOf(source);
        }
    }
}
