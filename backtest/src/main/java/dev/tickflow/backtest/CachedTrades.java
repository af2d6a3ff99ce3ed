package dev.tickflow.backtest;

import dev.tickflow.ingest.replay.BinanceTradeLineParser;
import dev.tickflow.schema.Trade;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The trades of one file as the cache holds them: a header (format, trade count, the {@link TradeCache.Key} it was
 * written for), then one fixed-size record per trade in the file's order: trade id, first and last trade id, trade time
 * in epoch milliseconds, price and quantity as unscaled long and scale, and whether the buyer was the maker. Exchange and
 * symbol are the same for the whole file, and event and ingest time equal the trade time, as the CSV reader makes them;
 * so the trades read back equal those parsed, decimal scales included.
 */
final class CachedTrades implements Iterator<Trade>, Closeable {
    /** Changes whenever the layout does, so that entries of another layout are misses. */
    static final int FORMAT_VERSION = 1;
    private static final long MAGIC = 0x5446_5452_4144_4553L; // "TFTRADES"
    private static final int COUNT_OFFSET = Long.BYTES + Integer.BYTES;
    private static final int RECORD_BYTES = 6 * Long.BYTES + 3;
    private static final int BUFFER_BYTES = RECORD_BYTES * 20_000;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    private final String symbol;
    private final long count;
    private final Path path;
    private long read;

    private CachedTrades(FileChannel channel, Path path, String symbol, long count) {
        this.channel = channel;
        this.path = path;
        this.symbol = symbol;
        this.count = count;
        buffer.limit(0);
    }

    /** The entry at {@code path} if it is complete and was written for {@code key} in this format; empty otherwise. */
    static Optional<CachedTrades> open(Path path, TradeCache.Key key) {
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the trade cache entry " + path + ": " + e.getMessage(), e);
        }
        try {
            ByteBuffer fixed = ByteBuffer.allocate(COUNT_OFFSET + Long.BYTES + Integer.BYTES);
            readFully(channel, fixed);
            if (fixed.getLong() != MAGIC || fixed.getInt() != FORMAT_VERSION) {
                channel.close();
                return Optional.empty();
            }
            long count = fixed.getLong();
            ByteBuffer header = ByteBuffer.allocate(fixed.getInt());
            readFully(channel, header);
            if (!key.equals(readKey(header.array())) || channel.size() != channel.position() + count * RECORD_BYTES) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new CachedTrades(channel, path, key.symbol(), count));
        } catch (IOException | RuntimeException e) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // read-only
            }
            return Optional.empty();
        }
    }

    /** Bytes of the source file this entry stands for, for the progress's share. */
    long sourceBytesRead(long sourceSize) {
        return count == 0 ? sourceSize : sourceSize * read / count;
    }

    @Override
    public boolean hasNext() {
        return read < count;
    }

    @Override
    public Trade next() {
        if (read >= count) {
            throw new NoSuchElementException();
        }
        if (buffer.remaining() < RECORD_BYTES) {
            refill();
        }
        read++;
        long tradeId = buffer.getLong();
        long firstTradeId = buffer.getLong();
        long lastTradeId = buffer.getLong();
        Instant time = Instant.ofEpochMilli(buffer.getLong());
        long price = buffer.getLong();
        BigDecimal priceValue = BigDecimal.valueOf(price, buffer.get());
        long quantity = buffer.getLong();
        BigDecimal quantityValue = BigDecimal.valueOf(quantity, buffer.get());
        boolean buyerIsMaker = buffer.get() != 0;
        return new Trade(BinanceTradeLineParser.EXCHANGE, symbol, tradeId, firstTradeId, lastTradeId, priceValue, quantityValue, time,
                buyerIsMaker, time, time);
    }

    private void refill() {
        buffer.compact();
        try {
            while (buffer.position() < RECORD_BYTES && channel.read(buffer) >= 0) {
                // read on until a record is whole; the header's count says one is due
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the trade cache entry " + path + ": " + e.getMessage(), e);
        }
        buffer.flip();
        if (buffer.remaining() < RECORD_BYTES) {
            throw new UncheckedIOException(new EOFException("The trade cache entry " + path + " ends early: delete it and run again"));
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // read-only
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer target) throws IOException {
        while (target.hasRemaining()) {
            if (channel.read(target) < 0) {
                throw new EOFException();
            }
        }
        target.flip();
    }

    private static TradeCache.Key readKey(byte[] header) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(header));
        return new TradeCache.Key(in.readUTF(), in.readUTF(), in.readLong(), in.readLong());
    }

    /**
     * Writes one file's trades to a temporary file next to the entry and moves it into place on {@link #commit()};
     * {@link #close()} without a commit deletes it. Gives up (and writes nothing) at a decimal whose unscaled value does
     * not fit a long.
     */
    static final class Writer implements Closeable {
        private final TradeCache.Entry entry;
        private final Path temporary;
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
        private long count;
        private boolean abandoned;

        private Writer(TradeCache.Entry entry, Path temporary, FileChannel channel) {
            this.entry = entry;
            this.temporary = temporary;
            this.channel = channel;
        }

        static Writer create(TradeCache.Entry entry) throws IOException {
            Path dir = entry.path().getParent();
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, entry.path().getFileName().toString(), ".partial");
            Writer writer = new Writer(entry, temporary, FileChannel.open(temporary, StandardOpenOption.WRITE));
            try {
                writer.writeHeader();
            } catch (IOException e) {
                writer.close();
                throw e;
            }
            return writer;
        }

        private void writeHeader() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                TradeCache.Key key = entry.key();
                out.writeUTF(key.source());
                out.writeUTF(key.symbol());
                out.writeLong(key.size());
                out.writeLong(key.modifiedMillis());
            }
            buffer.putLong(MAGIC).putInt(FORMAT_VERSION).putLong(0).putInt(bytes.size()).put(bytes.toByteArray());
        }

        void add(Trade trade) throws IOException {
            if (abandoned) {
                return;
            }
            if (!fitsLong(trade.getPrice()) || !fitsLong(trade.getQuantity())) {
                abandoned = true;
                return;
            }
            if (buffer.remaining() < RECORD_BYTES) {
                flush();
            }
            buffer.putLong(trade.getTradeId()).putLong(trade.getFirstTradeId()).putLong(trade.getLastTradeId())
                    .putLong(trade.getTradeTime().toEpochMilli())
                    .putLong(trade.getPrice().unscaledValue().longValue()).put((byte) trade.getPrice().scale())
                    .putLong(trade.getQuantity().unscaledValue().longValue()).put((byte) trade.getQuantity().scale())
                    .put((byte) (trade.getBuyerIsMaker() ? 1 : 0));
            count++;
        }

        /** Moves the complete entry into place; does nothing if it was given up. */
        boolean commit() throws IOException {
            if (abandoned) {
                return false;
            }
            flush();
            channel.write(ByteBuffer.allocate(Long.BYTES).putLong(0, count), COUNT_OFFSET);
            channel.force(false);
            channel.close();
            Files.move(temporary, entry.path(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        }

        private void flush() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }

        private static boolean fitsLong(BigDecimal value) {
            return value.scale() >= 0 && value.scale() <= Byte.MAX_VALUE && value.unscaledValue().bitLength() < Long.SIZE;
        }

        @Override
        public void close() throws IOException {
            channel.close();
            Files.deleteIfExists(temporary);
        }
    }
}
