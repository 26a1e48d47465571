# frozen_string_literal: true

# OpenTok quickstart (Ruby): create a session, mint a token, connect a simulated client, then
# record it, signal it and list its connections through the REST API.
# Run with `make demo-ruby` (needs OPENTOK_API_URL pointing at an emulator).
require "json"
require "net/http"
require "opentok_native"

api_url = ENV.fetch("OPENTOK_API_URL", "http://127.0.0.1:4010")
api_key = ENV.fetch("OPENTOK_API_KEY", "123456")
api_secret = ENV.fetch("OPENTOK_API_SECRET", "1234567890abcdef1234567890abcdef1234567890")

opentok = OpenTok::OpenTok.new(api_key, api_secret, api_url: api_url)

# A routed session placed near an IP address, as in the OpenTok docs.
session = opentok.create_session(media_mode: :routed, location: "12.34.56.78")
puts "session id:  #{session.session_id}"
puts "media mode:  #{session.media_mode}"
puts "location:    #{session.location}"

token = session.generate_token(role: :moderator, data: "name=Ruby quickstart")
puts "token:       #{token[0, 32]}... (#{token.length} chars)"

# Connect a simulated client with the token (emulator-only API).
uri = URI("#{api_url.chomp('/')}/emulator/v1/sessions/#{session.session_id}/connections")
res = Net::HTTP.post(uri, JSON.generate(token: token), "Content-Type" => "application/json")
puts "connect:     HTTP #{res.code} #{res.body}"
abort "the emulator refused the token" unless res.code == "201"
connection_id = JSON.parse(res.body)["connectionId"]

# Record the session; a second recording of the same session is refused with 409.
archive = opentok.archives.create(session.session_id, name: "quickstart", resolution: "1280x720")
puts "archive:     #{archive.id} #{archive.status}"
begin
  opentok.archives.create(session.session_id)
rescue OpenTok::OpenTokArchiveError => e
  puts "again:       #{e.class} kind=#{e.kind} status=#{e.status}"
end
archive.stop
archive.reload
puts "stopped:     #{archive.status}, #{archive.size} bytes, #{archive.duration} s"

# Signal the client, then list who is connected.
opentok.signals.send(session.session_id, connection_id, type: "chat", data: "hello from Ruby")
puts "signal:      sent to #{connection_id}"
opentok.connections.list(session.session_id).each do |c|
  puts "connection:  #{c.connection_id} #{c.connection_state}"
end
