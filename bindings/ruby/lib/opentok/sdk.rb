# frozen_string_literal: true

# The seed project's API, kept as a compatible alias:
#
#   OpenTokSDK.new(api_key, api_secret).create_session("12.34.56.78", "p2p.preference" => "disabled").session_id
#
# `properties` holds form-style keys (p2p.preference, archiveMode, archiveName, archiveResolution,
# e2ee) read by the core's form parser. The API URL defaults to $OPENTOK_API_URL when set.
class OpenTokSDK
  # A session created by #create_session.
  SdkSession = Struct.new(:session_id, :media_mode, :location, keyword_init: true)

  def initialize(api_key, api_secret, api_url: ENV.fetch("OPENTOK_API_URL", nil))
    @client = OpenTok.native_call do
      OpenTok::Native::Client.new(api_key.to_s, api_secret.to_s,
                                  OpenTok::Native::ClientConfig.new(api_url: api_url, binding: "ruby/#{RUBY_VERSION}"))
    end
  end

  # Creates a session near `location` with form-style `properties`.
  def create_session(location = nil, properties = {})
    props = properties.to_h { |k, v| [k.to_s, v.to_s] }
    info = OpenTok.native_call { @client.create_session_with_properties_blocking(location&.to_s, props) }
    SdkSession.new(session_id: info.session_id, media_mode: info.media_mode, location: info.location)
  end

  def inspect
    "#<OpenTokSDK api_url=#{@client.api_url}>"
  end
end
