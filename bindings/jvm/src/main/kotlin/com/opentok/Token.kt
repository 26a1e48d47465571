package com.opentok

import com.opentok.exception.InvalidArgumentException
import com.opentok.exception.InvalidTokenException
import com.opentok.exception.native
import com.opentok.ffi.ExpireSpec
import com.opentok.ffi.TokenInfo
import com.opentok.ffi.TokenSpec
import com.opentok.ffi.decodeToken
import com.opentok.ffi.explainToken
import com.opentok.ffi.parseRole
import com.opentok.ffi.verifyToken
import com.opentok.ffi.verifyTokenAt
import java.time.Duration
import java.time.Instant

/** What a client may do in a session. */
enum class Role(private val wire: String) {
    /** Can only subscribe. */
    SUBSCRIBER("subscriber"),
    /** Can publish and subscribe (the default). */
    PUBLISHER("publisher"),
    /** Can also force-disconnect, mute and signal others. */
    MODERATOR("moderator"),
    /** Can only publish. */
    PUBLISHER_ONLY("publisheronly");

    /** The wire spelling (`publisher`, `publisheronly`, ...). */
    override fun toString(): String = wire

    companion object {
        /** Parses a role name (case-insensitive) with the core's rules; unknown roles throw. */
        @JvmStatic
        @Throws(InvalidArgumentException::class)
        fun fromString(value: String?): Role =
            entries.parsedBy(required(value, "role"), ::parseRole) { it.wire }
                ?: throw NoSuchElementException("Collection contains no element matching the predicate.")
    }
}

/**
 * Options of a token, built with [TokenOptions.Builder]. Limits (data and layout classes at most
 * 1000 characters, expiry in the next 30 days) are checked by the core when the token is minted.
 */
class TokenOptions private constructor(
    /** The role granted. */
    val role: Role,
    private val expire: ExpireSpec?,
    /** Connection data, or `null`. */
    val data: String?,
    /** Initial layout classes. */
    val initialLayoutClassList: List<String>,
    /** Whether a legacy T1 token is minted instead of a JWT. */
    val isLegacyT1Token: Boolean,
) {
    /** Builds [TokenOptions]; every setter returns the builder. */
    class Builder {
        private var role = Role.PUBLISHER
        private var expire: ExpireSpec? = null
        private var data: String? = null
        private var layout: List<String> = emptyList()
        private var legacyT1 = false

        /** The role granted (default publisher). */
        fun role(role: Role?) = apply { this.role = role ?: Role.PUBLISHER }

        /** Expiry as unix seconds (default: 24 hours from now; at most 30 days). */
        fun expireTime(expireTime: Long) = apply { this.expire = ExpireSpec.At(expireTime) }

        /** Expiry as fractional unix seconds (truncated). */
        fun expireTime(expireTime: Double) = apply { this.expire = ExpireSpec.AtFractional(expireTime) }

        /** Expiry as an instant. */
        fun expireTime(expireTime: Instant?) = apply { this.expire = expireTime?.let { ExpireSpec.At(it.epochSecond) } }

        /** Expiry as text in unix seconds (`"1795826652"`), parsed by the core. */
        fun expireTime(expireTime: String?) = apply { this.expire = expireTime?.let { ExpireSpec.Text(it) } }

        /** Expiry as a lifetime counted from now. */
        fun expiresIn(lifetime: Duration?) = apply {
            // A negative lifetime has no unsigned form: hand it to the core as text, which it
            // rejects as an invalid expire_time when the token is minted. null: unset.
            this.expire = when {
                lifetime == null -> null
                lifetime.isNegative -> ExpireSpec.Text(lifetime.toString())
                else -> ExpireSpec.In(lifetime.seconds.toULong())
            }
        }

        /** Connection data shown to other clients (at most 1000 characters). */
        fun data(data: String?) = apply { this.data = data }

        /** Initial layout classes of the streams this client publishes. */
        fun initialLayoutClassList(classes: List<String>?) = apply { this.layout = textList(classes, "initial_layout_class_list") }

        /** Mint a legacy T1 token instead of a JWT. */
        fun useLegacyT1Token() = apply { this.legacyT1 = true }

        /** The options; validation happens in the core when the token is minted. */
        fun build() = TokenOptions(role, expire, data, layout, legacyT1)
    }

    // The flat form for the native fast path (TokenFast), settled once per options object.
    internal val roleWire: String = role.toString()
    internal val expireKind: Int
    internal val expireValue: Long
    internal val layoutJoined: String? =
        if (initialLayoutClassList.isEmpty()) null else initialLayoutClassList.joinToString("\u001f")
    internal val legacyByte: Byte = if (isLegacyT1Token) 1 else 0
    /** Whether the fast path carries these options exactly (else the uniffi path). */
    internal val fast: Boolean

    init {
        var kind = 0
        var value = 0L
        var ok = initialLayoutClassList.none { it.contains('\u001f') || it.contains('\u0000') } &&
            data?.contains('\u0000') != true
        when (val e = expire) {
            null -> {}
            is ExpireSpec.At -> { kind = 1; value = e.unixSeconds }
            is ExpireSpec.In -> if (e.seconds <= Long.MAX_VALUE.toULong()) { kind = 2; value = e.seconds.toLong() } else ok = false
            else -> ok = false
        }
        expireKind = kind
        expireValue = value
        fast = ok
    }

    /** The expiry as unix seconds when set as an absolute time, else 0 (official getter). */
    fun getExpireTime(): Long = when (val e = expire) {
        is ExpireSpec.At -> e.unixSeconds
        is ExpireSpec.AtFractional -> e.unixSeconds.toLong()
        is ExpireSpec.In -> System.currentTimeMillis() / 1000 + e.seconds.toLong()
        else -> 0L
    }

    internal fun toSpec() = TokenSpec(
        role = role.toString(),
        expire = expire,
        data = data,
        initialLayoutClassList = initialLayoutClassList,
        legacyT1 = isLegacyT1Token,
    )
}

/** What a token says (read by the core). */
data class DecodedToken(
    /** `JWT` or `T1`. */
    val format: String,
    /** `HS256`, `RS256` or `HMAC-SHA1`. */
    val algorithm: String?,
    /** Api key or application id. */
    val projectId: String?,
    /** Session the token admits to. */
    val sessionId: String?,
    /** Role granted. */
    val role: String?,
    /** Issue time, unix seconds. */
    val issuedAt: Long?,
    /** Expiry, unix seconds. */
    val expiresAt: Long?,
    /** Connection data. */
    val connectionData: String?,
    /** Initial layout class list, space-joined. */
    val initialLayoutClassList: String?,
    /** The nonce, as text. */
    val nonce: String?,
    /** Every claim (JWT) or field (T1), as a JSON object. */
    val claimsJson: String,
) {
    internal constructor(i: TokenInfo) : this(
        i.format, i.algorithm, i.projectId, i.sessionId, i.role, i.issuedAt, i.expiresAt,
        i.connectionData, i.initialLayoutClassList, i.nonce, i.claimsJson,
    )
}

/** Reading tokens back, without a client. */
object Tokens {
    /** Reads a token without checking its signature. */
    @JvmStatic
    @Throws(InvalidTokenException::class)
    fun decode(token: String?): DecodedToken {
        val t = required(token, "token")
        return DecodedToken(native { decodeToken(t) })
    }

    /** Verifies signature (constant time) and expiry with the project secret. */
    @JvmStatic
    @Throws(InvalidTokenException::class)
    fun verify(token: String?, apiSecret: String?): DecodedToken {
        val t = required(token, "token")
        val secret = required(apiSecret, "apiSecret")
        return DecodedToken(native { verifyToken(t, secret) })
    }

    /** Verifies as of [now] (unix seconds) instead of the system clock. */
    @JvmStatic
    @Throws(InvalidTokenException::class)
    fun verify(token: String?, apiSecret: String?, now: Long): DecodedToken {
        val t = required(token, "token")
        val secret = required(apiSecret, "apiSecret")
        return DecodedToken(native { verifyTokenAt(t, secret, now) })
    }

    /** One line about a token: `"valid publisher token ..., expires in 23 h"`, `"expired 3 h ago"`. */
    @JvmStatic
    @JvmOverloads
    fun explain(token: String?, apiSecret: String? = null): String = explainToken(required(token, "token"), apiSecret)
}
